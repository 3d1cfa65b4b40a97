package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
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
import java.util.function.Supplier;

/**
 * Operators' API for accounts and their templates. Every change is announced on config.changes.v1. A caller
 * sees its own agency's accounts only; creating one is for the agency's admin. Every change is audited in its
 * own transaction.
 */
@Path("/accounts")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final ConfigChangePublisher changes;
    private final Caller caller;
    private final AuditTrail audit;

    public AccountResource(ConfigChangePublisher changes, Caller caller, AuditTrail audit) {
        this.changes = changes;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(AccountRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body is required");
        request.validate();
        caller.scope().requireOwn(request.agencyId(), "agencyId");
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.byOpenId(request.openId())
                        .chain(existing -> {
                            if (existing != null) {
                                throw ProblemException.conflict("account " + request.openId() + " exists");
                            }
                            return AccountSetup.create(request);
                        })
                        .call(view -> audit.record(
                                actor,
                                new AuditedChange(
                                        view.agencyId(), AuditedChange.ACCOUNT, view.openId(), "create", null, view))))
                .call(view -> changes.upserted("account", view.openId()))
                .map(view -> Response.created(URI.create("/accounts/" + view.openId()))
                        .entity(view)
                        .build());
    }

    /** Also the platform services' read of every agency's accounts, with the service key (docs/SECURITY.md). */
    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    public Uni<List<AccountView>> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        AgencyScope scope = caller.scope();
        return Panache.withSession(() -> (scope.everyAgency()
                        ? Account.<Account>findAll(Sort.by("openId"))
                        : Account.<Account>find("agencyId", Sort.by("openId"), scope.agencyId()))
                .page(page, size)
                .list()
                .chain(accounts -> AccountSetup.views(accounts)));
    }

    @GET
    @Path("/{openId}")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    public Uni<AccountView> get(@PathParam("openId") String openId) {
        AgencyScope scope = caller.scope();
        return Panache.withSession(() -> Account.visible(openId, scope).chain(() -> AccountSetup.view(openId)));
    }

    @PUT
    @Path("/{openId}/templates/{scenario}")
    public Uni<AccountView> putTemplate(
            @PathParam("openId") String openId, @PathParam("scenario") String scenario, TemplateRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body is required");
        request.validate();
        Scenario parsed = parseScenario(scenario);
        return audited(openId, "template", () -> AccountSetup.putTemplate(openId, parsed, request.text()));
    }

    /** Business hours and time zone: outside them the OFF_HOURS template answers (DESIGN §5). */
    @PUT
    @Path("/{openId}/business-hours")
    public Uni<AccountView> setBusinessHours(@PathParam("openId") String openId, BusinessHoursRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body is required");
        request.validate();
        return audited(openId, "business-hours", () -> AccountSetup.setBusinessHours(openId, request));
    }

    /**
     * The account's semantic threshold: how near a message must be to an intent's examples before the CUSTOM
     * engine answers with it; null goes back to {@code dmpilot.rules.semantic.threshold}.
     */
    @PUT
    @Path("/{openId}/semantic-threshold")
    public Uni<AccountView> setSemanticThreshold(@PathParam("openId") String openId, SemanticThresholdRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body {\"threshold\": 0.7} (or null to clear) is required");
        }
        request.validate();
        return audited(
                openId, "semantic-threshold", () -> AccountSetup.setSemanticThreshold(openId, request.threshold()));
    }

    /** Crisis mode: the account answers from its crisis template at once (DESIGN §5). */
    @PUT
    @Path("/{openId}/crisis")
    public Uni<AccountView> setCrisis(@PathParam("openId") String openId, CrisisRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body {\"enabled\": true|false} is required");
        return audited(openId, "crisis", () -> AccountSetup.setCrisis(openId, request.enabled()));
    }

    public record CrisisRequest(boolean enabled) {}

    /**
     * Changes a visible account in one transaction with its audit entry (the account as shown before and after),
     * then announces it.
     */
    private Uni<AccountView> audited(String openId, String action, Supplier<Uni<AccountView>> change) {
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(() -> AccountSetup.view(openId))
                        .chain(before -> change.get()
                                .call(after -> audit.record(
                                        actor,
                                        new AuditedChange(
                                                after.agencyId(),
                                                AuditedChange.ACCOUNT,
                                                openId,
                                                action,
                                                before,
                                                after)))))
                .call(view -> changes.upserted("account", openId));
    }

    private static Scenario parseScenario(String value) {
        try {
            return Scenario.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("scenario", "unknown scenario " + value);
        }
    }
}
