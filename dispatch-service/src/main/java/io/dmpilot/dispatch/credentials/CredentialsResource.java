package io.dmpilot.dispatch.credentials;

import io.dmpilot.dispatch.douyin.AccessToken;
import io.dmpilot.dispatch.douyin.TokenStore;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.audit.AuditActor;
import io.dmpilot.kit.audit.AuditChange;
import io.dmpilot.kit.audit.AuditPublisher;
import io.dmpilot.kit.auth.Caller;
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
 * answers like a missing one, before anything is read or changed. Setting and removing them is audited (entity
 * {@code account-credentials}) with that same status before and after, never a token; as with hand-offs, the
 * record follows the change in Redis, and a record that cannot be published answers 500 saying so.
 */
@RolesAllowed(Roles.ADMIN)
@Path("/dispatch/accounts/{accountOpenId}/credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {
    private static final Logger LOG = Logger.getLogger(CredentialsResource.class);

    static final String ENTITY = "account-credentials";

    private final TokenStore store;
    private final AccountAccess access;
    private final Caller caller;
    private final AuditPublisher audit;

    public CredentialsResource(TokenStore store, AccountAccess access, Caller caller, AuditPublisher audit) {
        this.store = store;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
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
        AuditActor actor = AuditActor.of(caller);
        return access.requireVisible(accountOpenId)
                .chain(() -> store.metadata(accountOpenId))
                .map(CredentialsStatus::of)
                .chain(before -> store.write(accountOpenId, token)
                        .invoke(() -> LOG.infof("account %s: its platform tokens were set", accountOpenId))
                        .chain(() -> store.metadata(accountOpenId))
                        .map(CredentialsStatus::of)
                        .call(after -> record(actor, accountOpenId, "set", before, after)));
    }

    /** The account sends with the configured default tokens again. */
    @DELETE
    public Uni<Void> delete(@PathParam("accountOpenId") String accountOpenId) {
        AuditActor actor = AuditActor.of(caller);
        return access.requireVisible(accountOpenId)
                .chain(() -> store.metadata(accountOpenId))
                .map(CredentialsStatus::of)
                .chain(before -> store.delete(accountOpenId).chain(removed -> {
                    if (!removed) return Uni.createFrom().voidItem(); // nothing was set: no change
                    LOG.infof("account %s: its platform tokens were removed", accountOpenId);
                    return record(actor, accountOpenId, "remove", before, null);
                }));
    }

    private Uni<Void> record(
            AuditActor actor, String accountOpenId, String action, CredentialsStatus before, CredentialsStatus after) {
        return audit.publishForAccountAfterTheFact(
                actor, accountOpenId, new AuditChange(ENTITY, accountOpenId, action, before, after));
    }
}
