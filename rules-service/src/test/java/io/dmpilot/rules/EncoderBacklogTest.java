package io.dmpilot.rules;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dmpilot.rules.EncoderBacklog.Encoded;
import io.dmpilot.rules.EncoderBacklog.Reason;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When a CUSTOM message goes on without its vector: the backlog decision and the time-out (from the message's
 * receipt), on a plain one-thread pool standing in for the encoder's workers. Encodings are held on a latch, so nothing depends on timing.
 */
@Timeout(60) // a hang here holds the shared build lock: fail instead
class EncoderBacklogTest {
    private static final Duration NEVER = Duration.ofMinutes(5);
    private static final Duration AT_ONCE = Duration.ofMillis(1);
    /** The message was received just now: all of its time-out is left. */
    private static final Duration FRESH = Duration.ZERO;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    /** As Vert.x' executeBlocking does: subscribed at once, the task queued for the worker. */
    private final Function<Uni<String>, Uni<String>> onWorker = task -> Uni.createFrom()
            .emitter(emitter -> worker.execute(() -> task.subscribe().with(emitter::complete, emitter::fail)));

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger encoded = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();

    @AfterEach
    void stop() {
        gate.countDown();
        worker.shutdownNow();
    }

    @Test
    void aMessageWithinTheBacklogGetsItsVectorAndGivesItsPlaceBack() {
        EncoderBacklog backlog = new EncoderBacklog(1, NEVER);

        Encoded<String> result =
                backlog.submit(onWorker, () -> "vector", FRESH).await().indefinitely();

        assertEquals(new Encoded<>("vector", null), result);
        assertEquals(0, backlog.size());
    }

    @Test
    void withNoBacklogAllowedEveryMessageDegradesAndNothingIsEncoded() {
        EncoderBacklog backlog = new EncoderBacklog(0, NEVER);

        Encoded<String> result =
                backlog.submit(onWorker, counted("vector"), FRESH).await().indefinitely();

        assertEquals(Reason.BACKLOG, result.degraded());
        assertNull(result.value());
        assertEquals(0, encoded.get());
        assertEquals(0, backlog.size());
    }

    @Test
    void aMessageBeyondTheBacklogDegradesAndThereIsRoomAgainOnceTheEncoderCatchesUp() {
        EncoderBacklog backlog = new EncoderBacklog(2, NEVER);
        Uni<Encoded<String>> first =
                backlog.submit(onWorker, held("first"), FRESH).memoize().indefinitely();
        first.subscribe().with(x -> {});
        Uni<Encoded<String>> second =
                backlog.submit(onWorker, held("second"), FRESH).memoize().indefinitely();
        second.subscribe().with(x -> {});
        assertEquals(2, backlog.size());

        assertEquals(
                Reason.BACKLOG,
                backlog.submit(onWorker, counted("third"), FRESH)
                        .await()
                        .indefinitely()
                        .degraded());
        assertEquals(0, encoded.get());

        gate.countDown();
        assertEquals("first", first.await().indefinitely().value());
        assertEquals("second", second.await().indefinitely().value());
        assertEquals(0, backlog.size());
        assertEquals(
                "fourth",
                backlog.submit(onWorker, () -> "fourth", FRESH)
                        .await()
                        .indefinitely()
                        .value());
    }

    @Test
    void aMessageWhoseEncodingTakesTooLongGoesOnWithoutItAndTheWorkerCountsUntilItIsFree() {
        EncoderBacklog backlog = new EncoderBacklog(5, AT_ONCE);
        // the worker is inside the encoding before the time-out is even armed, so it cannot be skipped as queued
        Function<Uni<String>, Uni<String>> startedAtOnce = task -> {
            CompletableFuture<String> done = new CompletableFuture<>();
            worker.execute(() -> task.subscribe().with(done::complete, done::completeExceptionally));
            await().until(() -> started.get() == 1);
            return Uni.createFrom().completionStage(done);
        };

        Encoded<String> result =
                backlog.submit(startedAtOnce, held("slow"), FRESH).await().indefinitely();

        assertEquals(Reason.TIMEOUT, result.degraded());
        assertNull(result.value());
        assertEquals(1, backlog.size()); // the encoding still runs: the worker is busy
        gate.countDown();
        await().until(() -> backlog.size() == 0);
    }

    @Test
    void aQueuedMessageThatTimedOutLeavesTheBacklogAtOnceAndIsNeverEncoded() {
        EncoderBacklog patient = new EncoderBacklog(5, NEVER);
        EncoderBacklog hasty = new EncoderBacklog(5, AT_ONCE);
        Uni<Encoded<String>> blocking =
                patient.submit(onWorker, held("blocking"), FRESH).memoize().indefinitely();
        blocking.subscribe().with(x -> {});
        await().until(() -> started.get() == 1);

        Encoded<String> queued =
                hasty.submit(onWorker, counted("queued"), FRESH).await().indefinitely();

        assertEquals(Reason.TIMEOUT, queued.degraded());
        assertEquals(0, hasty.size());
        gate.countDown();
        assertEquals("blocking", blocking.await().indefinitely().value());
        worker.shutdown();
        await().until(worker::isTerminated);
        assertEquals(0, encoded.get());
    }

    @Test
    void aMessageThatWaitedInKafkaForTheWholeTimeOutIsNeverEncodedAndTakesNoPlace() {
        EncoderBacklog backlog = new EncoderBacklog(5, Duration.ofSeconds(2));

        Encoded<String> late = backlog.submit(onWorker, counted("late"), Duration.ofSeconds(2))
                .await()
                .indefinitely();
        Encoded<String> fresh = backlog.submit(onWorker, counted("fresh"), Duration.ofMillis(-5))
                .await()
                .indefinitely();

        assertEquals(Reason.TIMEOUT, late.degraded());
        assertEquals("fresh", fresh.value()); // a receipt a little ahead of this host's clock counts as none
        assertEquals(1, encoded.get());
        assertEquals(0, backlog.size());
    }

    @Test
    void aFailedEncodingDegradesAndGivesItsPlaceBack() {
        EncoderBacklog backlog = new EncoderBacklog(1, NEVER);

        Encoded<String> result = backlog.submit(
                        onWorker,
                        () -> {
                            throw new IllegalStateException("no model");
                        },
                        FRESH)
                .await()
                .indefinitely();

        assertEquals(Reason.ERROR, result.degraded());
        assertEquals(0, backlog.size());
    }

    @Test
    void theCandidateMarkerNamesTheSkippedEngineAndTheMetricTheReason() {
        assertEquals("semantic-backlog", Reason.BACKLOG.marker());
        assertEquals("timeout", Reason.TIMEOUT.tag());
    }

    private Supplier<String> counted(String value) {
        return () -> {
            encoded.incrementAndGet();
            return value;
        };
    }

    private Supplier<String> held(String value) {
        return () -> {
            started.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        };
    }
}
