package io.dmpilot.dispatch;

import io.dmpilot.contracts.Tier;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-account, per-tier rolling 60-second quota (DESIGN §4; the window is configurable so tests can roll it in seconds), decided in one Redis round trip by a script,
 * with Redis' clock: exact across any number of dispatch replicas. Members are candidate ids, so admitting
 * a redelivered candidate again does not take a second slot.
 */
@ApplicationScoped
public class QuotaGate {
    private static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local held = redis.call('ZSCORE', KEYS[1], ARGV[3])
            if held then
              return {1, 0, tonumber(held)}
            end
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], window)
              return {1, 0, now}
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {0, tonumber(oldest[2]) + window - now, now}
            """;

    private final ReactiveRedisDataSource redis;
    private final DispatchConfig config;

    public QuotaGate(ReactiveRedisDataSource redis, DispatchConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /**
     * A token, or how long until the oldest one in the window expires.
     *
     * @param redisMillis Redis' clock at the decision; for an admitted reply, the time its token counts from
     */
    public record Decision(boolean admitted, long retryAfterMillis, long redisMillis) {}

    public Uni<Decision> acquire(String accountOpenId, Tier tier, String candidateId) {
        return redis.execute(
                        "EVAL",
                        SCRIPT,
                        "1",
                        key(accountOpenId, tier),
                        Integer.toString(config.quota(accountOpenId, tier)),
                        Long.toString(config.quotaWindow().toMillis()),
                        candidateId)
                .map(r -> new Decision(
                        r.get(0).toLong() == 1, r.get(1).toLong(), r.get(2).toLong()));
    }

    /** Gives the token back when the send failed: a reply the platform never took must not use quota. */
    public Uni<Void> release(String accountOpenId, Tier tier, String candidateId) {
        return redis.execute("ZREM", key(accountOpenId, tier), candidateId).replaceWithVoid();
    }

    static String key(String accountOpenId, Tier tier) {
        // hash tag: both keys of one account live on one Redis Cluster slot
        return "dispatch:quota:{" + accountOpenId + "}:" + tier.name();
    }
}
