package io.dmpilot.kit;

import io.dmpilot.contracts.serde.EventJson;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer's poll handled in one pass instead of one trip through the messaging framework per record (that
 * trip, not dmpilot's code, is most of a consumer's CPU: docs/benchmarks/end-to-end.md). The guarantees stay
 * those of a record-at-a-time consumer:
 *
 * <ul>
 *   <li>records are handled one after the other in the poll's order, so a conversation's stay in order;
 *   <li>each runs with its own log context (conversation, event, trace, account) and its own trace;
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
    private final RecordLogContext logContext;

    public RecordBatches(RecordLogContext logContext) {
        this.logContext = logContext;
    }

    /** A record of a poll that could not be taken, and why. */
    public record Rejected(Message<?> record, Throwable failure) {}

    /** Reads each record's JSON payload as {@code type} and hands it to {@code handler}. */
    public <T> Uni<Void> handle(Message<List<String>> batch, Class<T> type, Function<T, Uni<Void>> handler) {
        List<Rejected> rejected = new ArrayList<>();
        return Multi.createFrom()
                .iterable(records(batch))
                .onItem()
                .transformToUniAndConcatenate(record -> one(record, type, handler)
                        .onFailure()
                        .recoverWithItem(failure -> {
                            rejected.add(new Rejected(record, failure));
                            return null;
                        }))
                .collect()
                .last()
                // the handled records' offsets may only be committed with the poll, so the dead letters go last
                .chain(() -> deadLetter(rejected))
                .chain(() -> Uni.createFrom().completionStage(batch::ack))
                .onFailure()
                .recoverWithUni(failure -> Uni.createFrom().completionStage(() -> batch.nack(failure)));
    }

    /**
     * One record, when its turn comes: its log context and trace are entered then, not when the poll arrives. The
     * trace is the one the framework makes current for a record consumed alone; it stays in this Vert.x context
     * until the record is done, so the records it sends continue that trace.
     */
    private <T> Uni<Void> one(Message<?> record, Class<T> type, Function<T, Uni<Void>> handler) {
        return Uni.createFrom().deferred(() -> {
            logContext.afterMessageReceive(record);
            Scope trace = record.getMetadata(TracingMetadata.class)
                    .map(tracing -> tracing.getCurrentContext().makeCurrent())
                    .orElse(Scope.noop());
            return Uni.createFrom()
                    .deferred(() -> {
                        T event = EventJson.read((String) record.getPayload(), type);
                        return TransientRetry.retried(() -> handler.apply(event));
                    })
                    .eventually(trace::close);
        });
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
