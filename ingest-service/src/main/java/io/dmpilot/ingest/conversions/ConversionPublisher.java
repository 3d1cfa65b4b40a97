package io.dmpilot.ingest.conversions;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.KeyedRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes to dm.conversions.v1 and completes only when the broker has the record (acks=all). */
@ApplicationScoped
public class ConversionPublisher {
    private final MutinyEmitter<Conversion> emitter;

    public ConversionPublisher(@Channel(Channels.CONVERSIONS) MutinyEmitter<Conversion> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(Conversion conversion, String traceId) {
        return emitter.sendMessage(KeyedRecords.of(
                Topics.CONVERSIONS,
                "ingest-service",
                ConversionRequest.keyOf(conversion),
                ConversionResource.eventIdOf(conversion),
                traceId,
                conversion.accountOpenId(),
                conversion));
    }
}
