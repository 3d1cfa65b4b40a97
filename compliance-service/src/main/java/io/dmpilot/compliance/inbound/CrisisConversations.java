package io.dmpilot.compliance.inbound;

import io.dmpilot.compliance.ComplianceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Conversations switched to the crisis scenario, in Redis so every replica and both of compliance's consumers
 * (the inbound screen and the candidate vetting) see one answer. A switch lasts the crisis window after the
 * last crisis signal; then the conversation is answered as usual again.
 */
@ApplicationScoped
public class CrisisConversations {
    private final ReactiveRedisDataSource redis;
    private final String windowSeconds;

    public CrisisConversations(ReactiveRedisDataSource redis, ComplianceConfig config) {
        this.redis = redis;
        this.windowSeconds = Long.toString(config.crisisWindow().toSeconds());
    }

    public Uni<Void> enter(String account, String conversation) {
        return redis.execute("SET", key(account, conversation), "1", "EX", windowSeconds)
                .replaceWithVoid();
    }

    public Uni<Boolean> inCrisis(String account, String conversation) {
        return redis.execute("EXISTS", key(account, conversation)).map(r -> r.toInteger() == 1);
    }

    private static String key(String account, String conversation) {
        return "compliance:crisis:" + account + ":" + conversation;
    }
}
