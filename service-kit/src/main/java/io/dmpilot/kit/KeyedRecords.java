package io.dmpilot.kit;

import io.dmpilot.contracts.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds outgoing records the one way the contract wants: keyed by conversation (one conversation stays
 * ordered on one partition) and carrying CloudEvents headers and the trace id.
 */
public final class KeyedRecords {
    public static <T> Message<T> of(String topic, String source, String key, String eventId, String traceId, T event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(
                        CloudEventHeaders.of(eventId, CloudEventHeaders.typeOf(topic), "/dmpilot/" + source, traceId))
                .build();
        return Message.of(event).addMetadata(metadata);
    }

    private KeyedRecords() {}
}
