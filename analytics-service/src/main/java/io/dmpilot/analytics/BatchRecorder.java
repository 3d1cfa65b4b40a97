package io.dmpilot.analytics;

import io.dmpilot.kit.RecordBatches;
import io.dmpilot.kit.RecordBatches.Rejected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One consumed Kafka batch → one database transaction, instead of one per record. A record that cannot be
 * read goes to its dead-letter topic alone (nacked on its own, so the channel's dead-letter strategy sends
 * it with the usual headers) and the rest is counted. A database failure (a deadlock PostgreSQL broke, a
 * short outage) is retried; a batch that still fails is recorded record by record, so a record the
 * database refuses goes to the dead-letter topic alone too. Order matters: the valid records commit before
 * any record is nacked, because a nacked record's acknowledgement may commit its partition's offset.
 */
@ApplicationScoped
public class BatchRecorder {
    private static final int STORE_ATTEMPTS = 5;

    private final OutcomeStore store;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public BatchRecorder(OutcomeStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /**
     * @param batch the poll's records ({@link RecordBatches#records}), each with its own nack
     * @param reading payload → what it adds (empty: nothing to count); throws for a malformed payload
     */
    public Uni<Void> record(String source, Message<List<String>> batch, Function<String, Optional<Recording>> reading) {
        List<Consumed> valid = new ArrayList<>();
        List<Rejected> malformed = new ArrayList<>();
        for (Message<?> record : RecordBatches.records(batch)) {
            try {
                reading.apply((String) record.getPayload()).ifPresent(r -> valid.add(new Consumed(record, r)));
            } catch (RuntimeException e) {
                malformed.add(new Rejected(record, e));
            }
        }
        return storeAll(source, valid)
                .chain(() -> RecordBatches.deadLetter(malformed))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .onFailure()
                .recoverWithUni(failure -> Uni.createFrom().completionStage(() -> batch.nack(failure)));
    }

    private Uni<Void> storeAll(String source, List<Consumed> valid) {
        if (valid.isEmpty()) return Uni.createFrom().voidItem();
        List<Recording> recordings = valid.stream().map(Consumed::recording).toList();
        return withRetries(() -> store.record(recordings))
                .invoke(now -> count(source, now))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> oneByOne(source, valid));
    }

    private Uni<Void> oneByOne(String source, List<Consumed> valid) {
        return Multi.createFrom()
                .iterable(valid)
                .onItem()
                .transformToUniAndConcatenate(consumed -> withRetries(() -> store.record(List.of(consumed.recording())))
                        .invoke(now -> count(source, now))
                        .replaceWithVoid()
                        .onFailure()
                        .recoverWithUni(
                                failure -> RecordBatches.deadLetter(List.of(new Rejected(consumed.record(), failure)))))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private static Uni<List<Recording>> withRetries(Supplier<Uni<? extends List<Recording>>> write) {
        return Uni.createFrom()
                .deferred(write)
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(STORE_ATTEMPTS);
    }

    /**
     * After the commit and only for events counted now, so the metrics agree with the tables. No account
     * tag on purpose: 10,000 accounts would make 10,000 series; per-account figures are in REST.
     */
    private void count(String source, List<Recording> now) {
        counter("dmpilot_analytics_events_recorded_total", "source", source).increment(now.size());
        for (Recording recording : now) {
            recording
                    .outcome()
                    .ifPresent(counted -> counter(
                                    "dmpilot_outcomes_counted_total",
                                    "outcome",
                                    counted.outcome().name())
                            .increment());
        }
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + ":" + value, k -> meters.counter(name, tag, value));
    }

    private record Consumed(Message<?> record, Recording recording) {}
}
