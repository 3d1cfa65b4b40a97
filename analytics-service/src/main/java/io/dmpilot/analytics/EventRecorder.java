package io.dmpilot.analytics;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every topic analytics reads → its aggregates, one channel and consumer group per topic. A record that
 * cannot be parsed fails at once and goes to its dead-letter topic; a database failure (including a
 * deadlock PostgreSQL broke) is retried first, so a short outage does not send valid records there.
 */
@ApplicationScoped
public class EventRecorder {
    private static final int STORE_ATTEMPTS = 5;

    private final OutcomeStore store;
    private final EventRecordings recordings;
    private final MeterRegistry meters;

    public EventRecorder(OutcomeStore store, EventRecordings recordings, MeterRegistry meters) {
        this.store = store;
        this.recordings = recordings;
        this.meters = meters;
    }

    @Incoming(Channels.INBOUND)
    public Uni<Void> consumeInbound(String payload) {
        return record("inbound", recordings.inbound(EventJson.read(payload, InboundEvent.class)));
    }

    @Incoming(Channels.DISPATCH_OUTCOMES)
    public Uni<Void> consumeOutcome(String payload) {
        return record("outcome", recordings.outcome(EventJson.read(payload, DispatchOutcome.class)));
    }

    @Incoming(Channels.REPLY_CANDIDATES)
    public Uni<Void> consumeCandidate(String payload) {
        return record("candidate", recordings.candidate(EventJson.read(payload, ReplyCandidate.class)));
    }

    @Incoming(Channels.REPLY_VETTED)
    public Uni<Void> consumeVetted(String payload) {
        return record("vetted", recordings.vetted(EventJson.read(payload, VettedReply.class)));
    }

    @Incoming(Channels.CONVERSIONS)
    public Uni<Void> consumeConversion(String payload) {
        return record("conversion", recordings.conversion(EventJson.read(payload, Conversion.class)));
    }

    private Uni<Void> record(String source, Optional<Recording> recording) {
        if (recording.isEmpty()) return Uni.createFrom().voidItem();
        Recording event = recording.get();
        return Uni.createFrom()
                .deferred(() -> store.record(event))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(STORE_ATTEMPTS)
                .invoke(recordedNow -> {
                    // after the commit and only the first time, so the metrics agree with the tables
                    if (recordedNow) increment(source, event);
                })
                .replaceWithVoid();
    }

    /** No account tag on purpose: 10,000 accounts would make 10,000 series; per-account figures are in REST. */
    private void increment(String source, Recording event) {
        meters.counter("dmpilot_analytics_events_recorded_total", "source", source)
                .increment();
        event.outcome()
                .ifPresent(counted -> meters.counter(
                                "dmpilot_outcomes_counted_total",
                                "outcome",
                                counted.outcome().name())
                        .increment());
    }
}
