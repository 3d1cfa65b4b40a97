package io.dmpilot.dispatch;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The leases this replica holds on the replies it is deciding, renewed together in one round trip. A lease
 * only lapses when its owner stops renewing (crash, pause, lost Redis): that is what lets another replica
 * take a reply over without racing a live owner.
 */
final class ClaimLeases {
    private static final Logger LOG = Logger.getLogger(ClaimLeases.class);

    /** Renews the leases still held by this owner; a lease taken over meanwhile is left alone. */
    private static final String RENEW = """
            for _, key in ipairs(KEYS) do
              if redis.call('GET', key) == ARGV[1] then redis.call('PEXPIRE', key, ARGV[2]) end
            end
            return 0
            """;

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ReactiveRedisDataSource redis;
    private final String owner;
    private final Duration lease;
    private final long timer;
    private final Vertx vertx;

    ClaimLeases(ReactiveRedisDataSource redis, Vertx vertx, String owner, Duration lease) {
        this.redis = redis;
        this.vertx = vertx;
        this.owner = owner;
        this.lease = lease;
        this.timer = vertx.setPeriodic(Math.max(100, lease.toMillis() / 3), id -> renew());
    }

    String owner() {
        return owner;
    }

    String leaseMillis() {
        return Long.toString(lease.toMillis());
    }

    void hold(String leaseKey) {
        held.add(leaseKey);
    }

    void drop(String leaseKey) {
        held.remove(leaseKey);
    }

    void close() {
        vertx.cancelTimer(timer);
    }

    private void renew() {
        List<String> keys = List.copyOf(held);
        if (keys.isEmpty()) return;
        List<String> args = new ArrayList<>();
        args.add(RENEW);
        args.add(Integer.toString(keys.size()));
        args.addAll(keys);
        args.add(owner);
        args.add(leaseMillis());
        redis.execute("EVAL", args.toArray(String[]::new))
                .subscribe()
                .with(ok -> {}, failure -> LOG.warnf("renewing %d send claims failed: %s", keys.size(), failure));
    }
}
