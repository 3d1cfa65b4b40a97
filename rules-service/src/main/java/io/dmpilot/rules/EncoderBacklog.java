package io.dmpilot.rules;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bound in front of the sentence encoder. Encoding costs ~11–13 ms per message on a small worker pool; an
 * unbounded queue in front of it would make every CUSTOM reply of a burst wait for the whole burst. So a message
 * that finds {@code maxBacklog} others queued or being encoded is not queued at all, and one whose vector takes
 * longer than {@code timeout} (queue wait included: that is what the reply waits for) goes on without it. Either
 * way the caller answers it as an ADVANCED account's message and says why ({@link Reason}).
 *
 * <p>A message that timed out while still queued leaves the backlog at once and is skipped when a worker reaches
 * it, so a stalled encoder does not spend its time on vectors nobody waits for; one timed out while being encoded
 * counts until its encoding ends, since it still holds a worker. Plain Java and Mutiny: the pool is passed in.
 */
final class EncoderBacklog {
    /** Why a message went on without its vector; {@link #tag()} is the metric's {@code reason}. */
    enum Reason {
        BACKLOG,
        TIMEOUT,
        ERROR;

        String tag() {
            return name().toLowerCase();
        }

        /** The candidate's {@code degraded} marker: the engine that was skipped, then why. */
        String marker() {
            return "semantic-" + tag();
        }
    }

    /** The vector-bearing result, or the reason there is none. */
    record Encoded<T>(T value, Reason degraded) {}

    private final int maxBacklog;
    private final Duration timeout;
    private final AtomicInteger backlog = new AtomicInteger();

    EncoderBacklog(int maxBacklog, Duration timeout) {
        this.maxBacklog = maxBacklog;
        this.timeout = timeout;
    }

    /** Messages queued for the encoder or being encoded now (the gauge). */
    int size() {
        return backlog.get();
    }

    /**
     * Runs {@code work} through {@code onWorkers} (which moves it to the worker pool) unless the backlog is full,
     * and gives up waiting after the timeout. Never fails: a failed encoding is {@link Reason#ERROR}.
     */
    <T> Uni<Encoded<T>> submit(Function<Uni<T>, Uni<T>> onWorkers, Supplier<T> work) {
        return Uni.createFrom().deferred(() -> admit(onWorkers, work));
    }

    private <T> Uni<Encoded<T>> admit(Function<Uni<T>, Uni<T>> onWorkers, Supplier<T> work) {
        if (backlog.incrementAndGet() > maxBacklog) {
            backlog.decrementAndGet();
            return Uni.createFrom().item(new Encoded<>(null, Reason.BACKLOG));
        }
        Slot slot = new Slot();
        return onWorkers
                .apply(Uni.createFrom().item(() -> slot.run(work)))
                .map(value -> new Encoded<>(value, null))
                .ifNoItem()
                .after(timeout)
                .recoverWithItem(() -> {
                    slot.abandon();
                    return new Encoded<>(null, Reason.TIMEOUT);
                })
                .onFailure()
                .recoverWithItem(() -> {
                    slot.abandon();
                    return new Encoded<>(null, Reason.ERROR);
                });
    }

    /**
     * One message's place in the backlog, given back exactly once: when its encoding ends, or as soon as nobody
     * waits for it any more if no worker has started it (a worker that reaches it later skips it).
     */
    private final class Slot {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int DONE = 2;

        private final AtomicInteger state = new AtomicInteger(QUEUED);

        <T> T run(Supplier<T> work) {
            if (!state.compareAndSet(QUEUED, RUNNING)) return null;
            try {
                return work.get();
            } finally {
                state.set(DONE);
                backlog.decrementAndGet();
            }
        }

        void abandon() {
            if (state.compareAndSet(QUEUED, DONE)) backlog.decrementAndGet();
        }
    }
}
