package io.dmpilot.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.serde.MalformedEventException;
import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    @Test
    void aStoreThatComesBackWithinTheRetriesLetsTheWorkFinish() {
        AtomicInteger attempts = new AtomicInteger();

        String result = TransientRetry.retried(() -> attempts.incrementAndGet() <= 3
                        ? Uni.createFrom().<String>failure(new ConnectException("Connection refused"))
                        : Uni.createFrom().item("sent"))
                .await()
                .atMost(Duration.ofSeconds(20));

        assertEquals("sent", result);
        assertEquals(4, attempts.get());
    }

    @Test
    void aRecordThatCannotBeReadIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();

        Uni<String> work = TransientRetry.retried(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new MalformedEventException("not JSON", null));
        });

        assertThrows(MalformedEventException.class, () -> work.await().atMost(Duration.ofSeconds(20)));
        assertEquals(1, attempts.get());
    }

    @Test
    void eachAttemptBuildsItsWorkAnew() {
        AtomicInteger built = new AtomicInteger();

        TransientRetry.retried(() -> built.incrementAndGet() == 1
                        ? Uni.createFrom().failure(new IllegalStateException("Connection reset"))
                        : Uni.createFrom().voidItem())
                .await()
                .atMost(Duration.ofSeconds(20));

        assertEquals(2, built.get());
    }

    @Test
    void thePolicyFitsItsThirtySecondBound() {
        long waited = 0;
        long delay = TransientRetry.DELAY_MS;
        for (int retry = 0; retry < TransientRetry.MAX_RETRIES; retry++) {
            waited += Math.min(delay, TransientRetry.MAX_DELAY_MS) + TransientRetry.JITTER_MS;
            delay *= 2;
        }
        assertTrue(waited <= TransientRetry.MAX_DURATION_MS, "the retries wait up to " + waited + " ms");
    }
}
