package io.dmpilot.rules.access;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.ApiKeyVerifier;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.KeyTerms;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.rules.audit.Actor;
import io.dmpilot.rules.audit.AuditTrail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * An agency's API keys: issue (the key is in this one answer and nowhere else; for a member, expiring), list
 * (never a secret or its hash), revoke. For the agency's admin and the superadmin; rules-service owns agencies and their accounts.
 * Issuing and revoking are audited with what a listing shows (never a secret or its hash); the key lives in
 * Redis, so its entry is written right after the change, not in one transaction with it.
 */
@Path("/agencies/{agencyId}/keys")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgencyKeyResource {
    private static final Logger LOG = Logger.getLogger(AgencyKeyResource.class);
    /** Superadmin keys are not issued over REST: the platform's one comes from its Secret. */
    private static final Set<String> ISSUABLE = Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);

    private final ApiKeyStore store;
    private final ApiKeyVerifier verifier;
    private final Caller caller;
    private final AuditTrail audit;

    public AgencyKeyResource(ApiKeyStore store, ApiKeyVerifier verifier, Caller caller, AuditTrail audit) {
        this.store = store;
        this.verifier = verifier;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * {@code role} may be left out for a member's key (it then has the member's role) and may not exceed the
     * member's; {@code expiresInDays} (1 to 3650) or {@code expiresAt} (an instant), or neither: no expiry.
     */
    public record KeyRequest(String role, String name, String member, Integer expiresInDays, String expiresAt) {
        public KeyRequest(String role, String name) {
            this(role, name, null, null, null);
        }
    }

    /** The issued key: {@code key} is shown this once. */
    public record IssuedKeyView(String key, KeyView details) {}

    @POST
    public Uni<Response> issue(@PathParam("agencyId") String agencyId, KeyRequest request) {
        caller.scope().requireVisible(agencyId, "no agency " + agencyId);
        if (request == null) throw ProblemException.badRequest("a JSON body {\"role\": …, \"name\": …} is required");
        if (request.member() == null || request.role() != null) requireIssuable(request.role());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.length() > 100) throw ProblemException.invalidField("name", "name is at most 100 characters");
        Instant expiresAt = KeyExpiry.resolve(request.expiresInDays(), request.expiresAt(), Instant.now());
        Actor actor = Actor.of(caller);
        return roleFor(agencyId, request)
                .chain(role -> store.issue(agencyId, role, name, new KeyTerms(request.member(), expiresAt)))
                .call(issued -> audit.recordAlone(actor, KeyView.issued(KeyView.of(issued.record()))))
                .map(issued -> {
                    LOG.infof(
                            "%s issued API key %s (%s) for agency %s",
                            actor.principal(),
                            issued.key().prefix(),
                            issued.record().role(),
                            agencyId);
                    return Response.created(URI.create("/agencies/" + agencyId + "/keys/"
                                    + issued.key().prefix()))
                            .entity(new IssuedKeyView(issued.key().value(), KeyView.of(issued.record())))
                            .build();
                });
    }

    @GET
    public Uni<List<KeyView>> list(@PathParam("agencyId") String agencyId) {
        caller.scope().requireVisible(agencyId, "no agency " + agencyId);
        return store.list(agencyId)
                .map(records -> records.stream().map(KeyView::of).toList());
    }

    @DELETE
    @Path("/{prefix}")
    public Uni<Response> revoke(@PathParam("agencyId") String agencyId, @PathParam("prefix") String prefix) {
        AgencyScope scope = caller.scope();
        scope.requireVisible(agencyId, "no agency " + agencyId);
        Actor actor = Actor.of(caller);
        return store.find(prefix)
                .invoke(record -> {
                    if (record == null || !agencyId.equals(record.agencyId())) {
                        throw ProblemException.notFound("no key " + prefix + " in agency " + agencyId);
                    }
                })
                .call(() -> store.revoke(prefix))
                .invoke(() -> {
                    verifier.forget(prefix);
                    LOG.infof("%s revoked API key %s of agency %s", actor.principal(), prefix, agencyId);
                })
                .call(before -> audit.recordAlone(
                        actor,
                        KeyView.of(before).change("revoke", KeyView.of(before).asRevoked())))
                .replaceWith(Response.noContent().build());
    }

    private static void requireIssuable(String role) {
        if (!ISSUABLE.contains(role)) {
            throw ProblemException.invalidField(
                    "role", "role must be one of " + Roles.VIEWER + ", " + Roles.OPERATOR + ", " + Roles.ADMIN);
        }
    }

    /**
     * The key's role: as asked for an agency's key; for a member's key the member's role, or a lower one asked
     * for. Another agency's member is named like a missing one.
     */
    private static Uni<String> roleFor(String agencyId, KeyRequest request) {
        if (request.member() == null) return Uni.createFrom().item(request.role());
        Long id = AgencyMember.parseId(request.member());
        Uni<AgencyMember> member = id == null
                ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> AgencyMember.<AgencyMember>findById(id));
        return member.map(found -> {
            if (found == null || !agencyId.equals(found.agencyId)) {
                throw ProblemException.invalidField(
                        "member", "no member " + request.member() + " in agency " + agencyId);
            }
            if (request.role() == null) return found.role;
            if (!Roles.atMost(request.role(), found.role)) {
                throw ProblemException.invalidField(
                        "role", "a member's key cannot exceed the member's role (" + found.role + ")");
            }
            return request.role();
        });
    }
}
