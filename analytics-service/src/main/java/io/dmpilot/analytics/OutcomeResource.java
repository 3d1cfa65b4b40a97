package io.dmpilot.analytics;

import io.dmpilot.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operators' view of an account's outcomes. An account never seen answers zeros, not 404. */
@Path("/analytics/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {
    /** The width of the account columns: a longer id cannot have been counted. */
    private static final int MAX_ACCOUNT_LENGTH = 128;

    private final OutcomeStore store;

    public OutcomeResource(OutcomeStore store) {
        this.store = store;
    }

    @GET
    @Path("/{accountOpenId}/outcomes")
    public Uni<OutcomeSummary> outcomes(@PathParam("accountOpenId") String accountOpenId) {
        if (accountOpenId.isBlank() || accountOpenId.length() > MAX_ACCOUNT_LENGTH) {
            throw ProblemException.invalidField(
                    "accountOpenId", "an account open id has 1 to " + MAX_ACCOUNT_LENGTH + " characters");
        }
        return store.summary(accountOpenId);
    }
}
