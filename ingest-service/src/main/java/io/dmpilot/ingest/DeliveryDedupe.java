package io.dmpilot.ingest;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which platform messages were already accepted, so the platform's retries are acknowledged
 * without being published again. One round trip: {@code SET key 1 NX EX ttl}.
 */
@ApplicationScoped
public class DeliveryDedupe {
    private static final String PREFIX = "ingest:seen:";

    private final ReactiveRedisDataSource redis;
    private final IngestConfig config;

    public DeliveryDedupe(ReactiveRedisDataSource redis, IngestConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** True when this is the first delivery of the event. */
    public Uni<Boolean> firstDelivery(String eventId) {
        String ttl = Long.toString(config.dedupeTtl().toSeconds());
        return redis.execute("SET", PREFIX + eventId, "1", "NX", "EX", ttl).map(response -> response != null);
    }

    /** Forget an event whose publication failed, so the platform's retry is published. */
    public Uni<Void> forget(String eventId) {
        return redis.key().del(PREFIX + eventId).replaceWithVoid();
    }
}
