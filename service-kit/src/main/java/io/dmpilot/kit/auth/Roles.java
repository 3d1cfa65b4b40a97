package io.dmpilot.kit.auth;

import java.util.List;
import java.util.Set;

/**
 * The four roles of operator access, lowest first (docs/SECURITY.md). Each role includes every role below it,
 * so a resource names the least role it needs in {@code @RolesAllowed} and higher roles pass too.
 */
public final class Roles {
    /** Reads analytics. */
    public static final String VIEWER = "viewer";
    /** Rules, templates, lexicons, the hand-off queue, compliance checks. */
    public static final String OPERATOR = "operator";
    /** Everything an operator does, plus the agency's accounts and API keys. */
    public static final String ADMIN = "admin";
    /** The platform's own role: every agency, every endpoint. */
    public static final String SUPERADMIN = "superadmin";

    static final List<String> ORDER = List.of(VIEWER, OPERATOR, ADMIN, SUPERADMIN);

    /** The roles a holder of {@code role} has: itself and every role below it. */
    public static Set<String> implied(String role) {
        int rank = ORDER.indexOf(role);
        if (rank < 0) throw new IllegalArgumentException("unknown role " + role);
        return Set.copyOf(ORDER.subList(0, rank + 1));
    }

    public static boolean known(String role) {
        return ORDER.contains(role);
    }

    private Roles() {}
}
