package io.dmpilot.ingest;

import io.dmpilot.contracts.CloudEventHeaders;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Records a message that was acknowledged but not published (unknown account) on dm.inbound.v1.dlq: the
 * normalized event as the value, the reason in the {@code dead-letter-reason} header — the same header
 * SmallRye's dead-letter strategy writes for records consumers cannot parse, so one tool reads both.
 * Completes only when the broker has the record.
 */
@ApplicationScoped
public class UnroutedPublisher {
    public static final String CHANNEL = "dm-inbound-dlq";
    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String TOPIC_HEADER = "dead-letter-topic";

    private final MutinyEmitter<InboundEvent> emitter;

    public UnroutedPublisher(@Channel(CHANNEL) MutinyEmitter<InboundEvent> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(InboundEvent event, String reason) {
        String topic = Topics.deadLetter(Topics.INBOUND);
        Headers headers = CloudEventHeaders.of(
                event.eventId(),
                CloudEventHeaders.typeOf(topic),
                "/dmpilot/ingest-service",
                event.traceId(),
                event.accountOpenId());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(TOPIC_HEADER, Topics.INBOUND.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.conversationId())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(event).addMetadata(metadata));
    }
}
