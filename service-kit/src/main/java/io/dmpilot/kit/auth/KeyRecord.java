package io.dmpilot.kit.auth;

/**
 * What is stored about an API key: never the key, only its secret's hash. {@code agencyId} is null for a
 * superadmin key, which belongs to no agency.
 */
public record KeyRecord(
        String prefix, String agencyId, String role, String name, long createdAt, boolean revoked, String secretHash) {

    public boolean active() {
        return !revoked && Roles.known(role);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + prefix + ", agency " + agencyId + ", " + role + (revoked ? ", revoked]" : "]");
    }
}
