package io.dmpilot.kit.auth;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Decides whether a presented key is valid, without asking another service: the bootstrap and service keys are
 * compared in memory, every other key against its record in Redis, which this replica keeps for {@code
 * cache-ttl}. Only found records are cached, so a key issued a moment ago works at once; a revoked one stops
 * within the TTL. An expired key is refused whatever the cache holds: expiry is checked on every request.
 */
@ApplicationScoped
public class ApiKeyVerifier {
    private record Cached(KeyRecord record, long expiresAtNanos) {}

    private final ApiKeyStore store;
    private final AuthConfig config;
    private final Clock clock;
    private final List<KeyRecord> platformKeys;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public ApiKeyVerifier(ApiKeyStore store, AuthConfig config) {
        this(store, config, Clock.systemUTC());
    }

    /** With the clock that decides expiry (tests give a fixed one). */
    public ApiKeyVerifier(ApiKeyStore store, AuthConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.platformKeys = platformKeys(config);
    }

    /** The record of a valid, unrevoked, unexpired key; null for anything else (malformed, unknown, wrong secret). */
    public Uni<KeyRecord> verify(String token) {
        Optional<ApiKey> parsed = ApiKey.parse(token);
        if (parsed.isEmpty()) return Uni.createFrom().nullItem();
        ApiKey key = parsed.get();
        for (KeyRecord platform : platformKeys) {
            if (platform.prefix().equals(key.prefix())) return Uni.createFrom().item(accepted(key, platform));
        }
        return record(key.prefix()).map(record -> accepted(key, record));
    }

    /** Drops this replica's copy at once (the replica that revoked a key need not wait for the TTL). */
    public void forget(String prefix) {
        cache.remove(prefix);
    }

    private Uni<KeyRecord> record(String prefix) {
        Cached cached = cache.get(prefix);
        long now = System.nanoTime();
        if (cached != null && now - cached.expiresAtNanos() < 0)
            return Uni.createFrom().item(cached.record());
        return store.find(prefix).invoke(record -> {
            if (record == null) return;
            if (cache.size() >= config.cacheSize()) cache.clear();
            cache.put(prefix, new Cached(record, now + config.cacheTtl().toNanos()));
        });
    }

    private KeyRecord accepted(ApiKey key, KeyRecord record) {
        return record != null && record.activeAt(clock.instant()) && key.matches(record.secretHash()) ? record : null;
    }

    private static List<KeyRecord> platformKeys(AuthConfig config) {
        Optional<KeyRecord> bootstrap = config.bootstrapKey()
                .map(value -> platformRecord(value, Roles.SUPERADMIN, "bootstrap", "DMPILOT_BOOTSTRAP_KEY"));
        Optional<KeyRecord> service = config.serviceKey()
                .map(value -> platformRecord(value, Roles.SERVICE, "service", "DMPILOT_SERVICE_KEY"));
        if (bootstrap.isPresent()
                && service.isPresent()
                && bootstrap.get().prefix().equals(service.get().prefix())) {
            throw new IllegalStateException(
                    "DMPILOT_SERVICE_KEY and DMPILOT_BOOTSTRAP_KEY need different prefixes (dmp_<prefix>_…)");
        }
        return Stream.concat(bootstrap.stream(), service.stream()).toList();
    }

    private static KeyRecord platformRecord(String value, String role, String name, String variable) {
        ApiKey key = ApiKey.parse(value)
                .orElseThrow(() -> new IllegalStateException("dmpilot.auth." + name + "-key (" + variable
                        + ") must look like dmp_<prefix>_<secret> with a secret of at least 16 characters"));
        return new KeyRecord(key.prefix(), null, role, name, 0, false, key.secretHash());
    }
}
