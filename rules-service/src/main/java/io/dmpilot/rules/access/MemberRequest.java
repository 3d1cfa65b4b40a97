package io.dmpilot.rules.access;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.Roles;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Body of {@code POST} (name and role required) and {@code PATCH} (any of the three; an empty email clears it)
 * on an agency's members.
 */
public record MemberRequest(String name, String email, String role) {
    /** The roles a member may have: a superadmin is the platform's, never an agency's. */
    static final Set<String> ROLES = Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_NAME = 100;
    private static final int MAX_EMAIL = 254;

    void validateNew() {
        if (name == null || name.isBlank()) throw ProblemException.invalidField("name", "name is required");
        if (role == null) throw ProblemException.invalidField("role", "role is required: " + roleChoice());
        validateChange();
    }

    void validateChange() {
        if (name == null && email == null && role == null) {
            throw ProblemException.badRequest("nothing to change: give name, email or role");
        }
        if (name != null && (name.isBlank() || name.strip().length() > MAX_NAME)) {
            throw ProblemException.invalidField("name", "name is 1 to " + MAX_NAME + " characters");
        }
        if (email != null
                && !email.isBlank()
                && (email.length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches())) {
            throw ProblemException.invalidField("email", "email must look like name@example.com");
        }
        if (role != null && !ROLES.contains(role)) {
            throw ProblemException.invalidField("role", "role must be one of " + roleChoice());
        }
    }

    /** Applies the given fields to {@code member}. */
    void applyTo(AgencyMember member) {
        if (name != null) member.name = name.strip();
        if (email != null) member.email = email.isBlank() ? null : email.strip();
        if (role != null) member.role = role;
    }

    static String roleChoice() {
        return Roles.VIEWER + ", " + Roles.OPERATOR + " or " + Roles.ADMIN;
    }
}
