package io.dmpilot.kit.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling this request: resources ask it for the agency they must filter by. */
@RequestScoped
public class Caller {
    /** The identity attribute holding the key's agency; absent for superadmin keys. */
    public static final String AGENCY = "dmpilot.agency";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Read it in the resource method itself, before any asynchronous step. */
    public AgencyScope scope() {
        if (identity.isAnonymous()) throw new IllegalStateException("an endpoint that reads its Caller needs a role");
        // the service key reaches only the account reads that admit it, and reads them for every agency
        if (identity.hasRole(Roles.SUPERADMIN) || identity.hasRole(Roles.SERVICE)) return AgencyScope.EVERY_AGENCY;
        String agency = identity.getAttribute(AGENCY);
        if (agency == null) throw new IllegalStateException("a key below superadmin must belong to an agency");
        return new AgencyScope(agency);
    }

    public String principal() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
