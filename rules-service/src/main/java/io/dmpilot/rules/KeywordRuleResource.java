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
 * Operators' API for an account's keyword rules. Every change is audited in its own transaction and announced on
 * config.changes.v1.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/accounts/{openId}/rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KeywordRuleResource {
    private final ConfigChangePublisher changes;
    private final Caller caller;
    private final AuditTrail audit;

    public KeywordRuleResource(ConfigChangePublisher changes, Caller caller, AuditTrail audit) {
        this.changes = changes;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    public Uni<Response> create(@PathParam("openId") String openId, KeywordRuleRequest request) {
        KeywordRule rule = new KeywordRule();
        rule.accountOpenId = openId;
        validated(request).applyTo(rule);
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(account -> rule.persist()
                                .call(() -> audit.record(
                                        actor, audited(account, rule, "create", null, KeywordRuleView.of(rule))))))
                .call(() -> changed(openId))
                .map(saved -> Response.created(URI.create("/accounts/" + openId + "/rules/" + rule.id))
                        .entity(KeywordRuleView.of(rule))
                        .build());
    }

    @GET
    public Uni<List<KeywordRuleView>> list(
            @PathParam("openId") String openId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        AgencyScope scope = caller.scope();
        return Panache.withSession(() -> Account.visible(openId, scope)
                .chain(() -> KeywordRule.<KeywordRule>find(
                                "accountOpenId", Sort.descending("priority").and("id"), openId)
                        .page(page, size)
                        .list())
                .map(rules -> rules.stream().map(KeywordRuleView::of).toList()));
    }

    @GET
    @Path("/{ruleId}")
    public Uni<KeywordRuleView> get(@PathParam("openId") String openId, @PathParam("ruleId") long ruleId) {
        AgencyScope scope = caller.scope();
        return Panache.withSession(() -> Account.visible(openId, scope).chain(() -> requireRule(openId, ruleId)))
                .map(KeywordRuleView::of);
    }

    @PUT
    @Path("/{ruleId}")
    public Uni<KeywordRuleView> replace(
            @PathParam("openId") String openId, @PathParam("ruleId") long ruleId, KeywordRuleRequest request) {
        KeywordRuleRequest valid = validated(request);
        valid.applyTo(new KeywordRule()); // all-or-nothing: check before touching the stored rule
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(account -> requireRule(openId, ruleId).call(rule -> {
                            KeywordRuleView before = KeywordRuleView.of(rule);
                            valid.applyTo(rule);
                            return audit.record(
                                    actor, audited(account, rule, "update", before, KeywordRuleView.of(rule)));
                        })))
                .call(() -> changed(openId))
                .map(KeywordRuleView::of);
    }

    @DELETE
    @Path("/{ruleId}")
    public Uni<Response> delete(@PathParam("openId") String openId, @PathParam("ruleId") long ruleId) {
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(account -> requireRule(openId, ruleId)
                                .call(rule -> audit.record(
                                        actor, audited(account, rule, "delete", KeywordRuleView.of(rule), null)))
                                .chain(rule -> rule.delete())))
                .call(() -> changed(openId))
                .map(x -> Response.noContent().build());
    }

    private Uni<Void> changed(String openId) {
        return changes.upserted("account-rules", openId);
    }

    private static KeywordRuleRequest validated(KeywordRuleRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body is required");
        return request;
    }

    private static AuditedChange audited(
            Account account, KeywordRule rule, String action, KeywordRuleView before, KeywordRuleView after) {
        return new AuditedChange(
                account.agencyId, AuditedChange.KEYWORD_RULE, String.valueOf(rule.id), action, before, after);
    }

    /** Call after {@link Account#visible}: the rule of that account. */
    private static Uni<KeywordRule> requireRule(String openId, long ruleId) {
        return KeywordRule.of(openId, ruleId).invoke(rule -> {
            if (rule == null) throw ProblemException.notFound("no rule " + ruleId + " on account " + openId);
        });
    }
}
