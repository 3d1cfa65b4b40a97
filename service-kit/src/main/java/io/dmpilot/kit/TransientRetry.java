package io.dmpilot.kit;

import io.dmpilot.contracts.serde.MalformedEventException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one retry policy of the pipeline's consumers: a failure of Redis, PostgreSQL or Kafka (a restart, a reset
 * connection) is tried again with exponential back-off for up to 30 s before the record goes to the dead-letter
 * topic; a record that cannot be read goes there at once. The fault benchmark found why: a 2 s Redis or
 * PostgreSQL restart dead-lettered the messages in flight, which then never got an outcome.
 *
 * <p>The constants feed the consumers' {@code @Retry}/{@code @ExponentialBackoff}; {@link #retried} applies the
 * same policy where a consumer acknowledges records itself and so cannot be wrapped by the annotation.
 */
public final class TransientRetry {
    public static final int MAX_RETRIES = 10;
    public static final long DELAY_MS = 200;
    public static final long JITTER_MS = 100;
    public static final long MAX_DELAY_MS = 4_000;
    public static final long MAX_DURATION_MS = 30_000;

    private TransientRetry() {}

    /** Each attempt builds its work anew, so nothing computed by a failed attempt is reused. */
    public static <T> Uni<T> retried(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom()
                .<T>deferred(work)
                .onFailure(TransientRetry::isTransient)
                .retry()
                .withBackOff(Duration.ofMillis(DELAY_MS), Duration.ofMillis(MAX_DELAY_MS))
                .withJitter((double) JITTER_MS / DELAY_MS)
                .atMost(MAX_RETRIES);
    }

    static boolean isTransient(Throwable failure) {
        return !(failure instanceof MalformedEventException);
    }
}
