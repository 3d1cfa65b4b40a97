package io.dmpilot.sim;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Outages of the simulated send API for fault runs: for a while it answers HTTP 500, then for a while it
 * answers slowly — the two ways a platform API degrades that a client's timeout, retry and circuit breaker
 * must survive without losing or duplicating a reply.
 */
@ApplicationScoped
public class SendApiFaults {
    public enum Mode {
        HEALTHY,
        HTTP_500,
        SLOW
    }

    private volatile long http500UntilNanos;
    private volatile long slowFromNanos;
    private volatile long slowUntilNanos;
    private volatile Duration slowness = Duration.ZERO;

    /** 500s for {@code failing}, then answers delayed by {@code delay} for {@code slow}. */
    public void schedule(Duration failing, Duration slow, Duration delay) {
        long now = System.nanoTime();
        http500UntilNanos = now + failing.toNanos();
        slowFromNanos = http500UntilNanos;
        slowUntilNanos = slowFromNanos + slow.toNanos();
        slowness = delay;
    }

    public Mode now() {
        long now = System.nanoTime();
        if (now - http500UntilNanos < 0) return Mode.HTTP_500;
        if (now - slowFromNanos >= 0 && now - slowUntilNanos < 0) return Mode.SLOW;
        return Mode.HEALTHY;
    }

    public Duration slowness() {
        return slowness;
    }
}
