package io.dmpilot.kit;

import io.dmpilot.contracts.serde.EventJson;
import io.opentelemetry.context.Scope;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer's poll handled in one pass instead of one trip through the messaging framework per record (that
 * trip, not dmpilot's code, is most of a consumer's CPU: docs/benchmarks/end-to-end.md), and its conversations
 * handled at once: a record mostly waits — on Redis, on PostgreSQL, on the broker's acknowledgement of what it
 * sends — and one record at a time left the cores idle while the lag grew. The guarantees stay those of a
 * record-at-a-time consumer:
 *
 * <ul>
 *   <li>the records of one conversation (the record key) are handled one after the other in the poll's order;
 *       at most {@code dmpilot.consumer.conversations-at-once} conversations are in hand at a time;
 *   <li>each record runs in a Vert.x context of its own, so its log context (conversation, event, trace,
 *       account), its trace and its database session are its own;
 *   <li>a record that cannot be read goes to the channel's dead-letter topic at once, alone; a transient failure
 *       is retried ({@link TransientRetry}) and a record that still fails is dead-lettered alone too;
 *   <li>the poll is acknowledged only when every record is handled or dead-lettered.
 * </ul>
 *
 * The channel needs {@code batch=true}; its {@code failure-strategy=dead-letter-queue} then serves the records
 * nacked here.
 */
@ApplicationScoped
public class RecordBatches {
    /** Records without a key share one lane: nothing says which of them may overtake which. */
    private static final Object NO_KEY = new Object();

    private final RecordLogContext logContext;
    private final int conversationsAtOnce;

    @Inject
    public RecordBatches(
            RecordLogContext logContext,
            @ConfigProperty(name = "dmpilot.consumer.conversations-at-once", defaultValue = "64")
                    int conversationsAtOnce) {
        if (conversationsAtOnce < 1) {
            throw new IllegalArgumentException("dmpilot.consumer.conversations-at-once must be at least 1");
        }
        this.logContext = logContext;
        this.conversationsAtOnce = conversationsAtOnce;
    }

    /** A record of a poll that could not be taken, and why. */
    public record Rejected(Message<?> record, Throwable failure) {}

    /** Reads each record's JSON payload as {@code type} and hands it to {@code handler}. */
    public <T> Uni<Void> handle(Message<List<String>> batch, Class<T> type, Function<T, Uni<Void>> handler) {
        List<Message<?>> records = records(batch);
        // dead letters in the poll's order, whichever conversation failed first
        Map<Integer, Rejected> rejected = new ConcurrentSkipListMap<>();
        Context poll = Vertx.currentContext();
        return Multi.createFrom()
                .iterable(conversations(records))
                .onItem()
                .transformToUni(conversation -> inOrder(conversation, records, poll, type, handler, rejected))
                .merge(conversationsAtOnce)
                .collect()
                .last()
                // the handled records' offsets may only be committed with the poll, so the dead letters go last
                .chain(() -> deadLetter(List.copyOf(rejected.values())))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .onFailure()
                .recoverWithUni(failure -> Uni.createFrom().completionStage(() -> batch.nack(failure)));
    }

    /** The poll's record positions, one list per conversation, each in the poll's order. */
    static List<List<Integer>> conversations(List<Message<?>> records) {
        Map<Object, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byKey.computeIfAbsent(keyOf(records.get(i)), key -> new ArrayList<>())
                    .add(i);
        }
        return List.copyOf(byKey.values());
    }

    private static Object keyOf(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getKey)
                .orElse(NO_KEY);
    }

    private <T> Uni<Void> inOrder(
            List<Integer> conversation,
            List<Message<?>> records,
            Context poll,
            Class<T> type,
            Function<T, Uni<Void>> handler,
            Map<Integer, Rejected> rejected) {
        return Multi.createFrom()
                .iterable(conversation)
                .onItem()
                .transformToUniAndConcatenate(position -> {
                    Message<?> record = records.get(position);
                    return ownContext(poll, () -> one(record, type, handler))
                            .onFailure()
                            .recoverWithItem(failure -> {
                                rejected.put(position, new Rejected(record, failure));
                                return null;
                            });
                })
                .collect()
                .last()
                .replaceWithVoid();
    }

    /**
     * Runs {@code work} in a fresh duplicate of the poll's Vert.x context: the records handled at once must not
     * share the context that carries the log context, the current trace and the Hibernate Reactive session.
     * Without a Vert.x context (a plain unit test) the work runs where it is.
     */
    private static Uni<Void> ownContext(Context poll, Supplier<Uni<Void>> work) {
        if (poll == null) return Uni.createFrom().deferred(work::get);
        Context own = VertxContext.createNewDuplicatedContext(poll);
        // isolated by construction, so database sessions may live in it
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom()
                .emitter(done -> own.runOnContext(ignored -> {
                    Uni<Void> started;
                    try {
                        started = work.get();
                    } catch (RuntimeException e) {
                        done.fail(e);
                        return;
                    }
                    started.subscribe().with(done::complete, done::fail);
                }));
    }

    /**
     * One record, in its own context: its log context and trace are entered when its turn comes, not when the
     * poll arrives. The trace is the one the framework makes current for a record consumed alone; the records it
     * sends continue it.
     */
    private <T> Uni<Void> one(Message<?> record, Class<T> type, Function<T, Uni<Void>> handler) {
        logContext.afterMessageReceive(record);
        Optional<Scope> trace = record.getMetadata(TracingMetadata.class)
                .map(tracing -> tracing.getCurrentContext().makeCurrent());
        return Uni.createFrom()
                .deferred(() -> {
                    T event = EventJson.read((String) record.getPayload(), type);
                    return TransientRetry.retried(() -> handler.apply(event));
                })
                .eventually(() -> trace.ifPresent(Scope::close));
    }

    /** Nacks each record on its own, one after the other: the channel's dead-letter strategy sends each alone. */
    public static Uni<Void> deadLetter(List<Rejected> rejected) {
        if (rejected.isEmpty()) return Uni.createFrom().voidItem();
        return Multi.createFrom()
                .iterable(rejected)
                .onItem()
                .transformToUniAndConcatenate(
                        r -> Uni.createFrom().completionStage(() -> r.record().nack(r.failure())))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /**
     * The poll's records, each its own message with its own ack and nack. The message the method receives may be a
     * wrapper (interceptors add metadata), so they come from the batch metadata.
     */
    @SuppressWarnings("unchecked") // the metadata is typed by key and value; its messages are the records
    public static List<Message<?>> records(Message<List<String>> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(metadata -> (List<Message<?>>) metadata.getBatchedMessages())
                .orElseThrow(() -> new IllegalStateException("not a Kafka batch: enable batch=true on the channel"));
    }
}
