package io.dmpilot.rules.audit;

import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.Caller;

/** Who makes a change: the key's principal and agency (null for the superadmin), read once per request. */
public record Actor(String principal, String agencyId) {
    /** Read it in the resource method itself, before any asynchronous step (like {@link Caller#scope()}). */
    public static Actor of(Caller caller) {
        AgencyScope scope = caller.scope();
        return new Actor(caller.principal(), scope.agencyId());
    }
}
