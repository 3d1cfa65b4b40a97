package io.dmpilot.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.serde.MalformedEventException;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poll's records as the Kafka connector hands them over (each its own message with its own ack and nack),
 * and what happened to each, in order: handled, acknowledged, or dead-lettered (nacked, which the channel's
 * dead-letter strategy turns into a record on the dead-letter topic).
 */
class RecordBatchesTest {
    record Ping(String id) {}

    private final Queue<String> events = new ConcurrentLinkedQueue<>();
    private final RecordBatches batches = new RecordBatches(new RecordLogContext(null), 64);

    @AfterEach
    void forgetTheLogContext() {
        // without Quarkus the log context is the test thread's: the keyed records must not leave it to later tests
        MDC.clear();
    }

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

    /** A record of {@code conversation}, as the Kafka connector hands it over: the key in its metadata. */
    private Message<String> record(String conversation, String payload) {
        ConsumerRecord<String, String> consumed = new ConsumerRecord<>("t", 0, 0, conversation, payload);
        return record(payload).addMetadata(new IncomingKafkaRecordMetadata<>(consumed, "t"));
    }

    private static String ping(String id) {
        return "{\"id\":\"" + id + "\"}";
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

    @Test
    void differentConversationsAreHandledAtOnce() {
        // a's record waits for b's: handled one after the other, the poll would never finish
        CompletableFuture<Void> bHandled = new CompletableFuture<>();

        handle(poll(List.of(record("conv-a", ping("a")), record("conv-b", ping("b")))), ping -> {
            if (ping.id().equals("a")) {
                return Uni.createFrom().completionStage(bHandled).invoke(() -> events.add("handled a"));
            }
            events.add("handled b");
            bHandled.complete(null);
            return Uni.createFrom().voidItem();
        });

        assertEquals(List.of("handled b", "handled a", "poll acked"), List.copyOf(events));
    }

    @Test
    void aConversationsRecordsWaitForOneAnotherWhileOthersGoOn() {
        CompletableFuture<Void> a1MayFinish = new CompletableFuture<>();

        handle(
                poll(List.of(
                        record("conv-a", ping("a1")),
                        record("conv-a", ping("a2")),
                        record("conv-b", ping("b1")),
                        record("conv-b", ping("b2")))),
                ping -> {
                    events.add("start " + ping.id());
                    if (ping.id().equals("a1")) {
                        return Uni.createFrom().completionStage(a1MayFinish).invoke(() -> events.add("end a1"));
                    }
                    events.add("end " + ping.id());
                    if (ping.id().equals("b2")) a1MayFinish.complete(null);
                    return Uni.createFrom().voidItem();
                });

        List<String> seen = List.copyOf(events);
        assertEquals(
                List.of("start a1", "start b1", "end b1", "start b2", "end b2", "end a1", "start a2", "end a2"),
                seen.subList(0, 8));
        assertEquals("poll acked", seen.get(8));
    }

    @Test
    void conversationsAtOnceBoundsHowManyAreInHand() {
        RecordBatches oneAtATime = new RecordBatches(new RecordLogContext(null), 1);
        CompletableFuture<Void> aMayFinish = new CompletableFuture<>();
        Uni<Void> handled = oneAtATime.handle(
                poll(List.of(record("conv-a", ping("a")), record("conv-b", ping("b")))), Ping.class, ping -> {
                    events.add("start " + ping.id());
                    return ping.id().equals("a")
                            ? Uni.createFrom().completionStage(aMayFinish)
                            : Uni.createFrom().voidItem();
                });
        CompletableFuture<Void> done = handled.subscribeAsCompletionStage();

        assertEquals(List.of("start a"), List.copyOf(events), "b waits for room");
        aMayFinish.complete(null);
        done.join();
        assertEquals(List.of("start a", "start b", "poll acked"), List.copyOf(events));
    }

    @Test
    void deadLettersFollowThePollsOrderWhicheverConversationFailedFirst() {
        // b fails at once; a fails only when c, taken after b, is handled
        CompletableFuture<Void> cHandled = new CompletableFuture<>();

        handle(
                poll(List.of(record("conv-a", ping("a")), record("conv-b", ping("b")), record("conv-c", ping("c")))),
                ping -> switch (ping.id()) {
                    case "a" ->
                        Uni.createFrom()
                                .completionStage(cHandled)
                                .chain(() -> Uni.createFrom().failure(new MalformedEventException("a is bad", null)));
                    case "b" -> Uni.createFrom().failure(new MalformedEventException("b is bad", null));
                    default -> Uni.createFrom().voidItem().invoke(() -> cHandled.complete(null));
                });

        List<String> seen = List.copyOf(events);
        assertTrue(seen.get(0).startsWith("dead-letter " + ping("a")), seen.toString());
        assertTrue(seen.get(1).startsWith("dead-letter " + ping("b")), seen.toString());
        assertEquals("poll acked", seen.get(2));
    }

    @Test
    void eachRecordRunsInAVertxContextOfItsOwn() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Queue<Context> contexts = new ConcurrentLinkedQueue<>();
            Queue<String> leaked = new ConcurrentLinkedQueue<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            Message<List<String>> poll = poll(
                    List.of(record("conv-a", ping("a1")), record("conv-a", ping("a2")), record("conv-b", ping("b1"))));
            vertx.getOrCreateContext()
                    .runOnContext(ignored -> batches.handle(poll, Ping.class, ping -> {
                                Context context = Vertx.currentContext();
                                contexts.add(context);
                                // what one record leaves in its context must not be what the next one finds
                                Object before = context.getLocal("record");
                                if (before != null) leaked.add(before + " seen by " + ping.id());
                                context.putLocal("record", ping.id());
                                return Uni.createFrom().voidItem();
                            })
                            .subscribe()
                            .with(done::complete, done::completeExceptionally));
            done.get(30, TimeUnit.SECONDS);

            assertEquals(3, contexts.size());
            assertEquals(3, contexts.stream().distinct().count(), "a context per record");
            assertTrue(contexts.stream().allMatch(VertxContext::isDuplicatedContext));
            assertEquals(List.of(), List.copyOf(leaked));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
