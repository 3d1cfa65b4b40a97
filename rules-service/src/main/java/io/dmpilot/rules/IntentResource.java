package io.dmpilot.rules;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.rules.audit.Actor;
import io.dmpilot.rules.audit.AuditTrail;
import io.dmpilot.rules.audit.AuditedChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Operators' API for a CUSTOM account's semantic intents (example phrases per scenario). Intents of an account
 * of a lower tier are stored but never used: its tier does not reach the semantic engine. Every change is
 * audited in its own transaction.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/accounts/{openId}/intents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IntentResource {
    private final ConfigChangePublisher changes;
    private final Caller caller;
    private final AuditTrail audit;

    public IntentResource(ConfigChangePublisher changes, Caller caller, AuditTrail audit) {
        this.changes = changes;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    public Uni<Response> create(@PathParam("openId") String openId, IntentRequest request) {
        SemanticIntent intent = new SemanticIntent();
        intent.accountOpenId = openId;
        required(request).applyTo(intent);
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(account -> intent.persist()
                                .call(() -> audit.record(
                                        actor, audited(account, intent, "create", null, IntentView.of(intent))))))
                .call(() -> changes.upserted("account-rules", openId))
                .map(saved -> Response.created(URI.create("/accounts/" + openId + "/intents/" + intent.id))
                        .entity(IntentView.of(intent))
                        .build());
    }

    @GET
    public Uni<List<IntentView>> list(
            @PathParam("openId") String openId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        AgencyScope scope = caller.scope();
        return Panache.withSession(() -> Account.visible(openId, scope)
                .chain(() -> SemanticIntent.<SemanticIntent>find("accountOpenId", Sort.by("id"), openId)
                        .page(page, size)
                        .list())
                .map(intents -> intents.stream().map(IntentView::of).toList()));
    }

    @PUT
    @Path("/{intentId}")
    public Uni<IntentView> replace(
            @PathParam("openId") String openId, @PathParam("intentId") long intentId, IntentRequest request) {
        required(request).applyTo(new SemanticIntent()); // all-or-nothing: check before touching the stored one
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(account -> requireIntent(openId, intentId).call(intent -> {
                            IntentView before = IntentView.of(intent);
                            request.applyTo(intent);
                            return audit.record(
                                    actor, audited(account, intent, "update", before, IntentView.of(intent)));
                        })))
                .call(() -> changes.upserted("account-rules", openId))
                .map(IntentView::of);
    }

    @DELETE
    @Path("/{intentId}")
    public Uni<Response> delete(@PathParam("openId") String openId, @PathParam("intentId") long intentId) {
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(account -> requireIntent(openId, intentId)
                                .call(intent -> audit.record(
                                        actor, audited(account, intent, "delete", IntentView.of(intent), null)))
                                .chain(intent -> intent.delete())))
                .call(() -> changes.upserted("account-rules", openId))
                .map(x -> Response.noContent().build());
    }

    private static IntentRequest required(IntentRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body is required");
        return request;
    }

    private static AuditedChange audited(
            Account account, SemanticIntent intent, String action, IntentView before, IntentView after) {
        return new AuditedChange(
                account.agencyId, AuditedChange.INTENT, String.valueOf(intent.id), action, before, after);
    }

    /** Call after {@link Account#visible}: the intent of that account. */
    private static Uni<SemanticIntent> requireIntent(String openId, long intentId) {
        return SemanticIntent.of(openId, intentId).invoke(intent -> {
            if (intent == null) throw ProblemException.notFound("no intent " + intentId + " on account " + openId);
        });
    }
}
