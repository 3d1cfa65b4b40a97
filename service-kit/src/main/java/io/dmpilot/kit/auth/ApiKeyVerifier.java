package io.dmpilot.kit.auth;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a presented key is valid, without asking another service: the bootstrap key is compared in
 * memory, every other key against its record in Redis, which this replica keeps for {@code cache-ttl}. Only
 * found records are cached, so a key issued a moment ago works at once; a revoked one stops within the TTL.
 */
@ApplicationScoped
public class ApiKeyVerifier {
    private record Cached(KeyRecord record, long expiresAtNanos) {}

    private final ApiKeyStore store;
    private final AuthConfig config;
    private final Optional<KeyRecord> bootstrap;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeyVerifier(ApiKeyStore store, AuthConfig config) {
        this.store = store;
        this.config = config;
        this.bootstrap = config.bootstrapKey().map(ApiKeyVerifier::bootstrapRecord);
    }

    /** The record of a valid, unrevoked key; null for anything else (malformed, unknown, wrong secret). */
    public Uni<KeyRecord> verify(String token) {
        Optional<ApiKey> parsed = ApiKey.parse(token);
        if (parsed.isEmpty()) return Uni.createFrom().nullItem();
        ApiKey key = parsed.get();
        if (bootstrap.isPresent() && bootstrap.get().prefix().equals(key.prefix())) {
            return Uni.createFrom().item(accepted(key, bootstrap.get()));
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

    private static KeyRecord accepted(ApiKey key, KeyRecord record) {
        return record != null && record.active() && key.matches(record.secretHash()) ? record : null;
    }

    private static KeyRecord bootstrapRecord(String value) {
        ApiKey key = ApiKey.parse(value)
                .orElseThrow(() -> new IllegalStateException(
                        "dmpilot.auth.bootstrap-key (DMPILOT_BOOTSTRAP_KEY) must look like dmp_<prefix>_<secret>"
                                + " with a secret of at least 16 characters"));
        return new KeyRecord(key.prefix(), null, Roles.SUPERADMIN, "bootstrap", 0, false, key.secretHash());
    }
}
