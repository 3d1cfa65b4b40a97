package io.dmpilot.kit.limits;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Counts an API key's requests in Redis, so every replica of every service shares one budget per key: a window
 * starts at the key's first request ({@code INCR}, and {@code PEXPIRE} when the count is 1) and ends with its
 * key. One script, so the count and its expiry are set together: a count without expiry would block the key
 * for good.
 */
@ApplicationScoped
public class RequestBudget {
    static final String KEY = "ratelimit:";
    private static final String SCRIPT = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "local ttl = redis.call('PTTL', KEYS[1]) "
            + "if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end "
            + "return {n, ttl}";

    /** Whether this request is within budget, and when the window ends if it is not. */
    public record Verdict(boolean allowed, Duration retryAfter) {}

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;

    public RequestBudget(ReactiveRedisDataSource redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public Uni<Verdict> spend(String keyPrefix) {
        String windowMillis = Long.toString(config.window().toMillis());
        return redis.execute("EVAL", SCRIPT, "1", KEY + keyPrefix, windowMillis).map(answer -> {
            long count = answer.get(0).toLong();
            long ttlMillis = answer.get(1).toLong();
            return new Verdict(count <= config.requests(), Duration.ofMillis(ttlMillis));
        });
    }
}
