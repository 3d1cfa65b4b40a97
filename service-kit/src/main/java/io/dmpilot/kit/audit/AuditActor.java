package io.dmpilot.kit.audit;

import io.dmpilot.kit.auth.Caller;

/** Who makes a change: the key's principal and its agency (null for the superadmin). */
public record AuditActor(String principal, String agencyId) {
    /** Read it in the resource method itself, before any asynchronous step (like {@link Caller#scope()}). */
    public static AuditActor of(Caller caller) {
        return new AuditActor(caller.principal(), caller.scope().agencyId());
    }
}
