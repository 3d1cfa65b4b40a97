package io.dmpilot.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.serde.MalformedEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The poll's records as the Kafka connector hands them over (each its own message with its own ack and nack),
 * and what happened to each, in order: handled, acknowledged, or dead-lettered (nacked, which the channel's
 * dead-letter strategy turns into a record on the dead-letter topic).
 */
class RecordBatchesTest {
    record Ping(String id) {}

    private final Queue<String> events = new ConcurrentLinkedQueue<>();
    private final RecordBatches batches = new RecordBatches(new RecordLogContext(null));

    private Message<String> record(String payload) {
        return Message.of(payload)
                .withAck(() -> {
                    events.add("ack " + payload);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    events.add(
                            "dead-letter " + payload + " (" + failure.getClass().getSimpleName() + ")");
                    return CompletableFuture.completedFuture(null);
                });
    }

    private Message<List<String>> poll(List<Message<?>> records) {
        IncomingKafkaRecordBatchMetadata<String, String> metadata =
                new IncomingKafkaRecordBatchMetadata<>(ConsumerRecords.empty(), records, "test", 0, Map.of(), 0);
        List<String> payloads =
                records.stream().map(r -> (String) r.getPayload()).toList();
        return Message.of(payloads, Metadata.of(metadata))
                .withAck(() -> {
                    events.add("poll acked");
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    events.add("poll nacked");
                    return CompletableFuture.completedFuture(null);
                });
    }

    private void handle(Message<List<String>> poll, java.util.function.Function<Ping, Uni<Void>> handler) {
        batches.handle(poll, Ping.class, handler).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void recordsAreHandledInOrderAndThePollAcknowledgedOnceAllAre() {
        handle(poll(List.of(record("{\"id\":\"a\"}"), record("{\"id\":\"b\"}"), record("{\"id\":\"c\"}"))), ping -> {
            events.add("handled " + ping.id());
            return Uni.createFrom().voidItem();
        });

        assertEquals(List.of("handled a", "handled b", "handled c", "poll acked"), List.copyOf(events));
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAloneAfterTheOthersAreHandled() {
        handle(poll(List.of(record("{\"id\":\"a\"}"), record("{not json"), record("{\"id\":\"c\"}"))), ping -> {
            events.add("handled " + ping.id());
            return Uni.createFrom().voidItem();
        });

        assertEquals(
                List.of("handled a", "handled c", "dead-letter {not json (MalformedEventException)", "poll acked"),
                List.copyOf(events));
    }

    @Test
    void aTransientFailureIsRetriedBeforeTheNextRecordIsHandled() {
        AtomicInteger attempts = new AtomicInteger();

        handle(poll(List.of(record("{\"id\":\"a\"}"), record("{\"id\":\"b\"}"))), ping -> {
            if (ping.id().equals("a") && attempts.incrementAndGet() <= 2) {
                events.add("redis down for a");
                return Uni.createFrom().failure(new ConnectException("Connection refused"));
            }
            events.add("handled " + ping.id());
            return Uni.createFrom().voidItem();
        });

        assertEquals(
                List.of("redis down for a", "redis down for a", "handled a", "handled b", "poll acked"),
                List.copyOf(events));
    }

    @Test
    void aRecordItsHandlerRefusesIsDeadLetteredAndTheRestGoOn() {
        handle(poll(List.of(record("{\"id\":\"bad\"}"), record("{\"id\":\"b\"}"))), ping -> {
            if (ping.id().equals("bad")) {
                return Uni.createFrom().failure(new MalformedEventException("no account", null));
            }
            events.add("handled " + ping.id());
            return Uni.createFrom().voidItem();
        });

        List<String> seen = List.copyOf(events);
        assertEquals("handled b", seen.get(0));
        assertTrue(seen.get(1).startsWith("dead-letter {\"id\":\"bad\"}"), seen.toString());
        assertEquals("poll acked", seen.get(2));
    }

    @Test
    void aMessageThatIsNotAKafkaPollIsRefused() {
        Message<List<String>> notAPoll = Message.of(List.of("{\"id\":\"a\"}"));

        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> batches.handle(
                        notAPoll, Ping.class, ping -> Uni.createFrom().voidItem()));
        assertTrue(refused.getMessage().contains("batch=true"), refused.getMessage());
    }
}
