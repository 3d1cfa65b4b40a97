package io.dmpilot.ingest;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.KeyedRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes to dm.inbound.v1 and completes only when the broker has the record (acks=all). */
@ApplicationScoped
public class InboundPublisher {
    private final MutinyEmitter<InboundEvent> emitter;

    public InboundPublisher(@Channel(Channels.INBOUND) MutinyEmitter<InboundEvent> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(InboundEvent event) {
        return emitter.sendMessage(KeyedRecords.of(
                Topics.INBOUND,
                "ingest-service",
                event.conversationId(),
                event.eventId(),
                event.traceId(),
                event.accountOpenId(),
                event));
    }
}
