package io.dmpilot.kit.auth;

import io.dmpilot.kit.Problem;
import io.dmpilot.kit.ProblemException;

/**
 * Which agency's objects a caller may see: one agency, or every agency ({@code agencyId} null, the
 * superadmin). A plain value, so resources read it once and use it inside their reactive pipelines.
 */
public record AgencyScope(String agencyId) {
    public static final AgencyScope EVERY_AGENCY = new AgencyScope(null);

    public boolean everyAgency() {
        return agencyId == null;
    }

    public boolean sees(String objectAgencyId) {
        return agencyId == null || agencyId.equals(objectAgencyId);
    }

    /**
     * Another agency's object answers exactly like a missing one (404, same text), so ids cannot be probed.
     */
    public void requireVisible(String objectAgencyId, String notFoundDetail) {
        if (!sees(objectAgencyId)) throw ProblemException.notFound(notFoundDetail);
    }

    /** For requests that name an agency themselves (creating in it): a caller acts for its own agency only. */
    public void requireOwn(String requestedAgencyId, String field) {
        if (!sees(requestedAgencyId)) {
            throw new ProblemException(new Problem(
                    "about:blank", "Forbidden", 403, "an agency's API key acts for its own agency only", field));
        }
    }
}
