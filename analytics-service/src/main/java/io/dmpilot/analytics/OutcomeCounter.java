package io.dmpilot.analytics;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.serde.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * dm.inbound.v1 and dm.dispatch-outcomes.v1 → per-account outcome counts. A record that cannot be parsed
 * fails at once and goes to its dead-letter topic; a database failure is retried first, so a short
 * PostgreSQL outage does not send valid records there.
 */
@ApplicationScoped
public class OutcomeCounter {
    private static final int STORE_ATTEMPTS = 5;

    private final OutcomeStore store;
    private final MeterRegistry meters;

    public OutcomeCounter(OutcomeStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    @Incoming(Channels.INBOUND)
    public Uni<Void> consumeInbound(String payload) {
        return count(CountableEvent.from(EventJson.read(payload, InboundEvent.class)));
    }

    @Incoming(Channels.DISPATCH_OUTCOMES)
    public Uni<Void> consumeOutcome(String payload) {
        return count(CountableEvent.from(EventJson.read(payload, DispatchOutcome.class)));
    }

    private Uni<Void> count(Optional<CountableEvent> countable) {
        if (countable.isEmpty()) return Uni.createFrom().voidItem();
        CountableEvent event = countable.get();
        return Uni.createFrom()
                .deferred(() -> store.count(event))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(STORE_ATTEMPTS)
                .invoke(countedNow -> {
                    // after the commit and only the first time, so the metric agrees with the tables
                    if (countedNow) increment(event.outcome());
                })
                .replaceWithVoid();
    }

    /** No account tag on purpose: 10,000 accounts would make 10,000 series; per-account figures are in REST. */
    private void increment(CountedOutcome outcome) {
        meters.counter("dmpilot_outcomes_counted_total", "outcome", outcome.name())
                .increment();
    }
}
