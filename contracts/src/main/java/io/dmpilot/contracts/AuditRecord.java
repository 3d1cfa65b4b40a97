package io.dmpilot.contracts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change an operator made over REST in a service that does not keep the audit log itself, on
 * {@code audit.changes.v1}; rules-service stores it in the audit log every agency's admin reads
 * (docs/SECURITY.md, "Audit log"). Keyed by {@link #recordKey()}.
 *
 * @param entryId chosen once when the change is made and the same in every delivery of the record: the
 *     consumer's idempotency key (also the record's {@code ce_id})
 * @param agencyId the agency of the changed object, whose audit log shows it; null for a platform object (a
 *     global lexicon term) or an account no agency is known to own
 * @param actorPrincipal the caller's key, {@code key:<prefix>}; never a secret
 * @param actorAgencyId the caller's own agency; null for the superadmin
 * @param before the object as its API shows it before the change (never a secret); null where it did not exist
 * @param after the same after the change; null where it no longer exists
 */
public record AuditRecord(
        String entryId,
        String agencyId,
        String actorPrincipal,
        String actorAgencyId,
        String service,
        String entity,
        String entityId,
        String action,
        JsonNode before,
        JsonNode after,
        long occurredAt) {
    /** The Kafka key of a platform entry ({@link #agencyId} null). */
    public static final String PLATFORM_KEY = "platform";

    public AuditRecord {
        // JSON null reads back as a NullNode: one meaning, one value
        before = before == null || before.isNull() ? null : before;
        after = after == null || after.isNull() ? null : after;
    }

    /** One agency's changes stay in order on one partition. */
    public String recordKey() {
        return agencyId == null ? PLATFORM_KEY : agencyId;
    }
}
