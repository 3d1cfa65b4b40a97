package io.dmpilot.rules.access;

import io.dmpilot.kit.auth.KeyRecord;
import io.dmpilot.rules.audit.AuditedChange;
import java.time.Instant;

/**
 * A key as listed (and audited): who it is for and until when, never what it is. {@code member} is null for a
 * key of the agency itself, {@code expiresAt} for a key that does not expire.
 */
public record KeyView(
        String prefix,
        String agencyId,
        String role,
        String name,
        long createdAt,
        boolean revoked,
        String member,
        Instant expiresAt) {
    static KeyView of(KeyRecord record) {
        return new KeyView(
                record.prefix(),
                record.agencyId(),
                record.role(),
                record.name(),
                record.createdAt(),
                record.revoked(),
                record.memberId(),
                record.expiresAt());
    }

    KeyView asRevoked() {
        return new KeyView(prefix, agencyId, role, name, createdAt, true, member, expiresAt);
    }

    KeyView withRole(String newRole) {
        return new KeyView(prefix, agencyId, newRole, name, createdAt, revoked, member, expiresAt);
    }

    /** The key's audit entry, as a listing shows it before and after: never its secret or the secret's hash. */
    AuditedChange change(String action, KeyView after) {
        return new AuditedChange(agencyId, AuditedChange.API_KEY, prefix, action, this, after);
    }

    static AuditedChange issued(KeyView view) {
        return new AuditedChange(view.agencyId, AuditedChange.API_KEY, view.prefix, "issue", null, view);
    }
}
