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
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** Operators' API for A/B variants of a scenario's template, sticky per user. Every change is audited. */
@RolesAllowed(Roles.OPERATOR)
@Path("/accounts/{openId}/templates/{scenario}/variants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VariantResource {
    private final ConfigChangePublisher changes;
    private final Caller caller;
    private final AuditTrail audit;

    public VariantResource(ConfigChangePublisher changes, Caller caller, AuditTrail audit) {
        this.changes = changes;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public Uni<VariantRequest> get(@PathParam("openId") String openId, @PathParam("scenario") String scenario) {
        Scenario parsed = parseScenario(scenario);
        AgencyScope scope = caller.scope();
        return Panache.withSession(() -> Account.visible(openId, scope).chain(() -> TemplateVariant.of(openId, parsed)))
                .map(VariantResource::view);
    }

    @PUT
    public Uni<VariantRequest> put(
            @PathParam("openId") String openId, @PathParam("scenario") String scenario, VariantRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body {\"variants\": [...]} is required");
        request.validate();
        Scenario parsed = parseScenario(scenario);
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> Account.visible(openId, scope)
                        .chain(account -> TemplateVariant.of(openId, parsed)
                                .map(VariantResource::view)
                                .chain(before -> replace(openId, parsed, request)
                                        .call(after -> audit.record(
                                                actor,
                                                new AuditedChange(
                                                        account.agencyId,
                                                        AuditedChange.VARIANTS,
                                                        openId + "/" + parsed,
                                                        "replace",
                                                        before,
                                                        view(after)))))))
                .call(() -> changes.upserted("account-rules", openId))
                .map(VariantResource::view);
    }

    private static Uni<List<TemplateVariant>> replace(String openId, Scenario scenario, VariantRequest request) {
        return TemplateVariant.delete("accountOpenId = ?1 and scenario = ?2", openId, scenario)
                .call(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> Panache.getSession()
                        .chain(session -> session.persistAll(
                                rows(openId, scenario, request).toArray())))
                .chain(() -> TemplateVariant.of(openId, scenario));
    }

    private static List<TemplateVariant> rows(String openId, Scenario scenario, VariantRequest request) {
        return request.variants().stream()
                .map(v -> {
                    TemplateVariant row = new TemplateVariant();
                    row.accountOpenId = openId;
                    row.scenario = scenario;
                    row.name = v.name();
                    row.text = v.text();
                    row.weight = v.weight();
                    return row;
                })
                .toList();
    }

    private static VariantRequest view(List<TemplateVariant> rows) {
        return new VariantRequest(rows.stream()
                .map(r -> new VariantRequest.Variant(r.name, r.text, r.weight))
                .toList());
    }

    private static Scenario parseScenario(String value) {
        try {
            return Scenario.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("scenario", "unknown scenario " + value);
        }
    }
}
