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

    /**
     * Not a rung of the ladder: the platform's services reading every agency's accounts with
     * {@code DMPILOT_SERVICE_KEY}. It implies no other role, and only the endpoints that name it admit it.
     */
    public static final String SERVICE = "service";

    static final List<String> ORDER = List.of(VIEWER, OPERATOR, ADMIN, SUPERADMIN);

    /** The roles a holder of {@code role} has: itself and every role below it. */
    public static Set<String> implied(String role) {
        if (SERVICE.equals(role)) return Set.of(SERVICE);
        int rank = ORDER.indexOf(role);
        if (rank < 0) throw new IllegalArgumentException("unknown role " + role);
        return Set.copyOf(ORDER.subList(0, rank + 1));
    }

    /** A role of the ladder (viewer to superadmin): what a key issued to an agency or member may hold. */
    public static boolean known(String role) {
        return ORDER.contains(role);
    }

    /** A role a key record may carry: the ladder's, or the services' own. */
    public static boolean recognised(String role) {
        return known(role) || SERVICE.equals(role);
    }

    /** The lower of two ladder roles. */
    public static String lower(String a, String b) {
        return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
    }

    /** Whether {@code role} is {@code ceiling} or below it on the ladder. */
    public static boolean atMost(String role, String ceiling) {
        return known(role) && known(ceiling) && ORDER.indexOf(role) <= ORDER.indexOf(ceiling);
    }

    private Roles() {}
}
