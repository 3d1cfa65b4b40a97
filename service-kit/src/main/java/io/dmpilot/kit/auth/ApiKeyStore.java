package io.dmpilot.kit.auth;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * API key records in Redis, which every replica of every service reads: a hash {@code auth:key:<prefix>}
 * (agency, role, name, created, revoked, hash of the secret; member and expires where the key has them), and
 * for listing the sets {@code auth:keys} (all prefixes), {@code auth:agency-keys:<agency>} and
 * {@code auth:member-keys:<member>}. Revoking marks the record instead of deleting it, so a revoked key stays
 * listed.
 */
@ApplicationScoped
public class ApiKeyStore {
    static final String RECORD = "auth:key:";
    static final String INDEX = "auth:keys";
    static final String AGENCY_INDEX = "auth:agency-keys:";
    static final String MEMBER_INDEX = "auth:member-keys:";

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveSetCommands<String, String> sets;

    public ApiKeyStore(ReactiveRedisDataSource redis) {
        this.hashes = redis.hash(String.class);
        this.sets = redis.set(String.class);
    }

    /** The record, or null when there is none. */
    public Uni<KeyRecord> find(String prefix) {
        return hashes.hgetall(RECORD + prefix).map(fields -> fields.isEmpty() ? null : toRecord(prefix, fields));
    }

    public Uni<IssuedKey> issue(String agencyId, String role, String name) {
        return issue(agencyId, role, name, KeyTerms.NONE);
    }

    /** A key for a member, or one that expires, as {@code terms} say. */
    public Uni<IssuedKey> issue(String agencyId, String role, String name, KeyTerms terms) {
        if (!Roles.known(role)) throw new IllegalArgumentException("unknown role " + role);
        ApiKey key = ApiKey.generate();
        KeyRecord record = new KeyRecord(
                key.prefix(),
                agencyId,
                role,
                name,
                System.currentTimeMillis(),
                false,
                key.secretHash(),
                terms.memberId(),
                terms.expiresAt());
        return hashes.hset(RECORD + key.prefix(), toFields(record))
                .chain(() -> sets.sadd(INDEX, key.prefix()))
                .chain(() -> agencyId == null ? none() : sets.sadd(AGENCY_INDEX + agencyId, key.prefix()))
                .chain(() ->
                        terms.memberId() == null ? none() : sets.sadd(MEMBER_INDEX + terms.memberId(), key.prefix()))
                .replaceWith(new IssuedKey(key, record));
    }

    /** Every key of the agency (every key at all for null), oldest first. */
    public Uni<List<KeyRecord>> list(String agencyIdOrNull) {
        return listed(agencyIdOrNull == null ? INDEX : AGENCY_INDEX + agencyIdOrNull)
                .map(records -> records.stream()
                        .filter(r -> agencyIdOrNull == null || agencyIdOrNull.equals(r.agencyId()))
                        .toList());
    }

    /** Every key issued for the member, oldest first. */
    public Uni<List<KeyRecord>> listOfMember(String memberId) {
        return listed(MEMBER_INDEX + memberId)
                .map(records -> records.stream()
                        .filter(r -> memberId.equals(r.memberId()))
                        .toList());
    }

    /** A new role for the key; every replica applies it within its cache time. */
    public Uni<Void> changeRole(String prefix, String role) {
        if (!Roles.known(role)) throw new IllegalArgumentException("unknown role " + role);
        return hashes.hset(RECORD + prefix, "role", role).replaceWithVoid();
    }

    /** Marks the key revoked; every replica stops accepting it within its cache time. */
    public Uni<Void> revoke(String prefix) {
        return hashes.hset(RECORD + prefix, "revoked", "true").replaceWithVoid();
    }

    private Uni<List<KeyRecord>> listed(String index) {
        return sets.smembers(index)
                .chain(prefixes -> prefixes.isEmpty()
                        ? Uni.createFrom().item(List.<KeyRecord>of())
                        : Uni.join()
                                .all(prefixes.stream().map(this::find).toList())
                                .andFailFast()
                                .map(records -> records.stream()
                                        .filter(Objects::nonNull)
                                        .sorted(Comparator.comparingLong(KeyRecord::createdAt))
                                        .toList()));
    }

    private static Uni<Integer> none() {
        return Uni.createFrom().item(0);
    }

    private static Map<String, String> toFields(KeyRecord record) {
        Map<String, String> fields = new HashMap<>();
        if (record.agencyId() != null) fields.put("agency", record.agencyId());
        fields.put("role", record.role());
        fields.put("name", record.name() == null ? "" : record.name());
        fields.put("created", Long.toString(record.createdAt()));
        fields.put("revoked", Boolean.toString(record.revoked()));
        fields.put("hash", record.secretHash());
        if (record.memberId() != null) fields.put("member", record.memberId());
        if (record.expiresAt() != null)
            fields.put("expires", Long.toString(record.expiresAt().toEpochMilli()));
        return fields;
    }

    private static KeyRecord toRecord(String prefix, Map<String, String> fields) {
        return new KeyRecord(
                prefix,
                fields.get("agency"),
                fields.get("role"),
                fields.get("name"),
                Long.parseLong(fields.getOrDefault("created", "0")),
                Boolean.parseBoolean(fields.get("revoked")),
                fields.get("hash"),
                fields.get("member"),
                fields.containsKey("expires") ? Instant.ofEpochMilli(Long.parseLong(fields.get("expires"))) : null);
    }
}
