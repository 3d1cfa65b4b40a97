package io.dmpilot.ingest;

import io.dmpilot.kit.Problem;
import io.dmpilot.kit.ProblemException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stores each platform message once, and never answers "duplicate" for one that was not stored. A delivery first
 * claims its id for {@code dmpilot.ingest.claim-ttl}; only once Kafka has the record does the id count as stored,
 * for {@code dmpilot.ingest.dedupe-ttl}. A claim left by a process that died mid-publication expires, so the
 * platform's next retry is stored: remembering the id from the claim on would have lost that message.
 */
@ApplicationScoped
public class DeliveryDedupe {
    private static final Logger LOG = Logger.getLogger(DeliveryDedupe.class);
    private static final String PREFIX = "ingest:seen:";
    private static final String CLAIMED = "claimed";
    private static final String STORED = "stored";
    /** One round trip, atomic: the value already there (any but "claimed" means stored), or claims the id. */
    private static final String CLAIM = "local held = redis.call('GET', KEYS[1])\n"
            + "if held then return held end\n"
            + "redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])\n"
            + "return false";

    private final ReactiveRedisDataSource redis;
    private final IngestConfig config;

    public DeliveryDedupe(ReactiveRedisDataSource redis, IngestConfig config) {
        this.redis = redis;
        this.config = config;
    }

    enum Claim {
        FIRST,
        STORED,
        IN_FLIGHT
    }

    /**
     * Runs {@code store} for the first delivery of {@code eventId} and answers {@code duplicate} for a delivery of
     * one already stored. A delivery while an earlier one is still being stored fails with a 409 problem (the
     * platform retries it). A failed {@code store} releases the claim, so the retry runs it again; its failure, or
     * Redis's, is passed on.
     */
    public <T> Uni<T> storeOnce(String eventId, Supplier<Uni<T>> store, Supplier<T> duplicate) {
        return claim(eventId).chain(claim -> switch (claim) {
            case FIRST ->
                store.get().call(() -> markStored(eventId)).onFailure().call(() -> forget(eventId));
            case STORED -> Uni.createFrom().item(duplicate.get());
            case IN_FLIGHT -> Uni.createFrom().failure(new DeliveryInFlight());
        });
    }

    Uni<Claim> claim(String eventId) {
        String ttl = Long.toString(config.claimTtl().toSeconds());
        return redis.execute("EVAL", CLAIM, "1", PREFIX + eventId, CLAIMED, ttl).map(held -> {
            if (held == null) return Claim.FIRST;
            return CLAIMED.equals(held.toString()) ? Claim.IN_FLIGHT : Claim.STORED;
        });
    }

    /**
     * Kafka has the record: a failure to remember it only risks storing it again after the claim expires, which
     * consumers tolerate (one candidate per event id), so it does not fail the delivery.
     */
    private Uni<Void> markStored(String eventId) {
        String ttl = Long.toString(config.dedupeTtl().toSeconds());
        return redis.execute("SET", PREFIX + eventId, STORED, "EX", ttl)
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("stored %s but could not remember it: %s", eventId, failure.getMessage());
                    return null;
                });
    }

    /** A store that failed releases its claim; if Redis is down too, the claim expires by itself. */
    private Uni<Void> forget(String eventId) {
        return redis.key().del(PREFIX + eventId).replaceWithVoid().onFailure().recoverWithNull();
    }

    /** An earlier delivery of the same message is still being stored: the platform is asked to come back (409). */
    public static final class DeliveryInFlight extends ProblemException {
        DeliveryInFlight() {
            super(Problem.of(
                    409,
                    "Delivery in progress",
                    "an earlier delivery of this message is still being stored; retry in a few seconds"));
        }
    }
}
