package io.dmpilot.analytics;

import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Operators' view of an account's outcomes. An account of the caller's agency never seen answers zeros; another
 * agency's account answers 404 (docs/SECURITY.md).
 */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {
    private final OutcomeStore store;
    private final AccountAccess access;

    public OutcomeResource(OutcomeStore store, AccountAccess access) {
        this.store = store;
        this.access = access;
    }

    @GET
    @Path("/{accountOpenId}/outcomes")
    public Uni<OutcomeSummary> outcomes(@PathParam("accountOpenId") String accountOpenId) {
        Window.checkAccount(accountOpenId);
        return access.requireVisible(accountOpenId).chain(() -> store.summary(accountOpenId));
    }
}
