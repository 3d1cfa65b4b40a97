package io.dmpilot.dispatch;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.serde.EventJson;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Makes sending idempotent: a candidate is claimed before the platform is called and its outcome stored
 * after, so a redelivered record replays the stored outcome instead of sending twice.
 */
@ApplicationScoped
public class SendLedger {
    private static final String PREFIX = "dispatch:send:";
    private static final String PENDING = "pending";

    private final ReactiveRedisDataSource redis;
    private final DispatchConfig config;

    public SendLedger(ReactiveRedisDataSource redis, DispatchConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** What an earlier delivery of this candidate left behind. */
    public sealed interface Claim {}

    public record First() implements Claim {}

    /** Decided before: replay this outcome. */
    public record Decided(DispatchOutcome outcome) implements Claim {}

    /** Claimed but never decided: a crash mid-send. Whether the platform got it is unknown. */
    public record Unconfirmed() implements Claim {}

    public Uni<Claim> claim(String candidateId) {
        String ttl = Long.toString(config.sendLedgerTtl().toSeconds());
        return redis.execute("SET", PREFIX + candidateId, PENDING, "NX", "GET", "EX", ttl)
                .map(previous -> toClaim(Optional.ofNullable(previous).map(Object::toString)));
    }

    public Uni<Void> record(DispatchOutcome outcome) {
        String ttl = Long.toString(config.sendLedgerTtl().toSeconds());
        return redis.execute("SET", PREFIX + outcome.candidateId(), EventJson.write(outcome), "EX", ttl)
                .replaceWithVoid();
    }

    private static Claim toClaim(Optional<String> previous) {
        if (previous.isEmpty()) return new First();
        if (PENDING.equals(previous.get())) return new Unconfirmed();
        return new Decided(EventJson.read(previous.get(), DispatchOutcome.class));
    }
}
