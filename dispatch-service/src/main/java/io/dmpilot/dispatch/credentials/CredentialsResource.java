package io.dmpilot.dispatch.credentials;

import io.dmpilot.dispatch.douyin.AccessToken;
import io.dmpilot.dispatch.douyin.TokenStore;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/**
 * An account's own platform tokens, set by its agency's admin: stored encrypted, used by every send of the
 * account (else the configured default), renewed like any stored token. Answers never carry a token: a GET
 * says only whether there are tokens and when they expire (docs/SECURITY.md). Another agency's account
 * answers like a missing one, before anything is read or changed.
 */
@RolesAllowed(Roles.ADMIN)
@Path("/dispatch/accounts/{accountOpenId}/credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {
    private static final Logger LOG = Logger.getLogger(CredentialsResource.class);

    private final TokenStore store;
    private final AccountAccess access;

    public CredentialsResource(TokenStore store, AccountAccess access) {
        this.store = store;
        this.access = access;
    }

    @GET
    public Uni<CredentialsStatus> get(@PathParam("accountOpenId") String accountOpenId) {
        return access.requireVisible(accountOpenId)
                .chain(() -> store.metadata(accountOpenId))
                .map(CredentialsStatus::of);
    }

    /** Replaces the account's tokens; the next send uses them. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CredentialsStatus> put(@PathParam("accountOpenId") String accountOpenId, CredentialsRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "a JSON body {\"accessToken\", \"refreshToken\", \"expiresIn\"} is required");
        }
        request.validate();
        AccessToken token = new AccessToken(
                request.accessToken(), request.refreshToken(), System.currentTimeMillis() + request.expiresIn() * 1000);
        return access.requireVisible(accountOpenId)
                .chain(() -> store.write(accountOpenId, token))
                .invoke(() -> LOG.infof("account %s: its platform tokens were set", accountOpenId))
                .chain(() -> store.metadata(accountOpenId))
                .map(CredentialsStatus::of);
    }

    /** The account sends with the configured default tokens again. */
    @DELETE
    public Uni<Void> delete(@PathParam("accountOpenId") String accountOpenId) {
        return access.requireVisible(accountOpenId)
                .chain(() -> store.delete(accountOpenId))
                .invoke(removed -> {
                    if (removed) LOG.infof("account %s: its platform tokens were removed", accountOpenId);
                })
                .replaceWithVoid();
    }
}
