package io.dmpilot.dispatch;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Ledgers of other dispatch replicas over the same Redis, for tests of what happens between replicas. */
@ApplicationScoped
class OtherReplicas {
    private final ReactiveRedisDataSource redis;
    private final DispatchConfig config;
    private final Vertx vertx;

    OtherReplicas(ReactiveRedisDataSource redis, DispatchConfig config, Vertx vertx) {
        this.redis = redis;
        this.config = config;
        this.vertx = vertx;
    }

    /** A replica's ledger; it renews its leases until {@link SendLedger#stopRenewing()} ("it died"). */
    SendLedger ledger(String name) {
        return new SendLedger(redis, config, vertx, name + "-" + UUID.randomUUID());
    }
}
