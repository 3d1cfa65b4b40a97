package io.dmpilot.kit.auth;

import java.time.Instant;

/**
 * What is stored about an API key: never the key, only its secret's hash. {@code agencyId} is null for a
 * superadmin key, which belongs to no agency. {@code memberId} names the agency member the key was issued for
 * (null: a key of the agency itself); {@code expiresAt} is null for a key that does not expire.
 */
public record KeyRecord(
        String prefix,
        String agencyId,
        String role,
        String name,
        long createdAt,
        boolean revoked,
        String secretHash,
        String memberId,
        Instant expiresAt) {

    /** A key of the agency itself that does not expire. */
    public KeyRecord(
            String prefix,
            String agencyId,
            String role,
            String name,
            long createdAt,
            boolean revoked,
            String secretHash) {
        this(prefix, agencyId, role, name, createdAt, revoked, secretHash, null, null);
    }

    /** Not revoked and of a role this code knows; says nothing of expiry, see {@link #activeAt}. */
    public boolean active() {
        return !revoked && Roles.recognised(role);
    }

    /** Whether the key may be used at {@code now}: active, and not past its expiry. */
    public boolean activeAt(Instant now) {
        return active() && !expiredAt(now);
    }

    /** A key expires at the instant it names: from then on it is refused. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public KeyRecord withRole(String newRole) {
        return new KeyRecord(prefix, agencyId, newRole, name, createdAt, revoked, secretHash, memberId, expiresAt);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + prefix + ", agency " + agencyId + ", " + role + (revoked ? ", revoked]" : "]");
    }
}
