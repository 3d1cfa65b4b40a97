package io.dmpilot.rules;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bound in front of the sentence encoder. Encoding costs ~11–13 ms per message on a small worker pool, so under
 * a burst messages queue — in Kafka (the consumer takes a partition's messages in order) and in the pool's queue —
 * and every CUSTOM reply would wait for the whole burst. So a message goes on without its vector, and the caller
 * answers it as an ADVANCED account's message and says why ({@link Reason}), when:
 *
 * <ul>
 *   <li>it finds {@code maxBacklog} others queued in the pool or being encoded ({@link Reason#BACKLOG});
 *   <li>it has waited {@code timeout} since it was received (the Kafka lag) before reaching the encoder, or its
 *       vector is not there by then ({@link Reason#TIMEOUT}) — what the reply waits for, wherever it waited.
 * </ul>
 *
 * <p>Under a burst the lagging messages are then answered at keyword speed, the lag drains, and the encoder serves
 * fresh messages again. A message that timed out while still queued leaves the backlog at once and is skipped when a
 * worker reaches it, so a stalled encoder spends no time on vectors nobody waits for; one timed out while being
 * encoded counts until its encoding ends, since it still holds a worker. Plain Java and Mutiny: the pool is passed in.
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
     * Runs {@code work} through {@code onWorkers} (which moves it to the worker pool) unless the message waited too
     * long already or the backlog is full, and gives up waiting when the message's {@code timeout} is up. Never
     * fails: a failed encoding is {@link Reason#ERROR}.
     *
     * @param waited how long the message waited before it got here (now − its receipt; negative counts as none)
     */
    <T> Uni<Encoded<T>> submit(Function<Uni<T>, Uni<T>> onWorkers, Supplier<T> work, Duration waited) {
        return Uni.createFrom().deferred(() -> admit(onWorkers, work, waited.isNegative() ? Duration.ZERO : waited));
    }

    private <T> Uni<Encoded<T>> admit(Function<Uni<T>, Uni<T>> onWorkers, Supplier<T> work, Duration waited) {
        Duration left = timeout.minus(waited);
        if (left.isNegative() || left.isZero()) {
            return Uni.createFrom().item(new Encoded<>(null, Reason.TIMEOUT));
        }
        if (backlog.incrementAndGet() > maxBacklog) {
            backlog.decrementAndGet();
            return Uni.createFrom().item(new Encoded<>(null, Reason.BACKLOG));
        }
        Slot slot = new Slot();
        return onWorkers
                .apply(Uni.createFrom().item(() -> slot.run(work)))
                .map(value -> new Encoded<>(value, null))
                .ifNoItem()
                .after(left)
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
