package io.dmpilot.kit;

import io.dmpilot.contracts.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds outgoing records the one way the contract wants: keyed by conversation (one conversation stays
 * ordered on one partition) and carrying CloudEvents headers, the trace id and, for records about one account,
 * the account ({@link RecordLogContext} puts it in the consumer's log context). The W3C {@code traceparent}
 * header is added by OpenTelemetry from the context the record is sent in.
 */
public final class KeyedRecords {
    public static <T> Message<T> of(String topic, String source, String key, String eventId, String traceId, T event) {
        return of(topic, source, key, eventId, traceId, null, event);
    }

    public static <T> Message<T> of(
            String topic, String source, String key, String eventId, String traceId, String account, T event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(CloudEventHeaders.of(
                        eventId, CloudEventHeaders.typeOf(topic), "/dmpilot/" + source, traceId, account))
                .build();
        return Message.of(event).addMetadata(metadata);
    }

    private KeyedRecords() {}
}
