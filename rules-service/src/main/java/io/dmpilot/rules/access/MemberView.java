package io.dmpilot.rules.access;

import java.time.Instant;

/** A member as the API shows it (and as the audit records it). */
public record MemberView(
        String id, String agencyId, String name, String email, String role, Instant createdAt, Instant updatedAt) {
    static MemberView of(AgencyMember member) {
        return new MemberView(
                member.id.toString(),
                member.agencyId,
                member.name,
                member.email,
                member.role,
                member.createdAt,
                member.updatedAt);
    }
}
