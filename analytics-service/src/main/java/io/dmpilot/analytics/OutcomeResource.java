package io.dmpilot.analytics;

import io.dmpilot.kit.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operators' view of an account's outcomes. An account never seen answers zeros, not 404. */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {
    private final OutcomeStore store;

    public OutcomeResource(OutcomeStore store) {
        this.store = store;
    }

    @GET
    @Path("/{accountOpenId}/outcomes")
    public Uni<OutcomeSummary> outcomes(@PathParam("accountOpenId") String accountOpenId) {
        Window.checkAccount(accountOpenId);
        return store.summary(accountOpenId);
    }
}
