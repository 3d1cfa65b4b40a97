package io.dmpilot.rules.access;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.ApiKeyVerifier;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.KeyRecord;
import io.dmpilot.kit.auth.Roles;
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
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * An agency's API keys: issue (the key is in this one answer and nowhere else), list (never a secret or its
 * hash), revoke. For the agency's admin and the superadmin; rules-service owns agencies and their accounts.
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

    public AgencyKeyResource(ApiKeyStore store, ApiKeyVerifier verifier, Caller caller) {
        this.store = store;
        this.verifier = verifier;
        this.caller = caller;
    }

    public record KeyRequest(String role, String name) {}

    /** A key as listed: who it is for, never what it is. */
    public record KeyView(String prefix, String agencyId, String role, String name, long createdAt, boolean revoked) {
        static KeyView of(KeyRecord record) {
            return new KeyView(
                    record.prefix(),
                    record.agencyId(),
                    record.role(),
                    record.name(),
                    record.createdAt(),
                    record.revoked());
        }
    }

    /** The issued key: {@code key} is shown this once. */
    public record IssuedKeyView(String key, KeyView details) {}

    @POST
    public Uni<Response> issue(@PathParam("agencyId") String agencyId, KeyRequest request) {
        caller.scope().requireVisible(agencyId, "no agency " + agencyId);
        if (request == null) throw ProblemException.badRequest("a JSON body {\"role\": …, \"name\": …} is required");
        if (!ISSUABLE.contains(request.role())) {
            throw ProblemException.invalidField(
                    "role", "role must be one of " + Roles.VIEWER + ", " + Roles.OPERATOR + ", " + Roles.ADMIN);
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.length() > 100) throw ProblemException.invalidField("name", "name is at most 100 characters");
        String principal = caller.principal();
        return store.issue(agencyId, request.role(), name).map(issued -> {
            LOG.infof(
                    "%s issued API key %s (%s) for agency %s",
                    principal, issued.key().prefix(), request.role(), agencyId);
            return Response.created(URI.create(
                            "/agencies/" + agencyId + "/keys/" + issued.key().prefix()))
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
        String principal = caller.principal();
        return store.find(prefix)
                .invoke(record -> {
                    if (record == null || !agencyId.equals(record.agencyId())) {
                        throw ProblemException.notFound("no key " + prefix + " in agency " + agencyId);
                    }
                })
                .chain(() -> store.revoke(prefix))
                .invoke(() -> {
                    verifier.forget(prefix);
                    LOG.infof("%s revoked API key %s of agency %s", principal, prefix, agencyId);
                })
                .replaceWith(Response.noContent().build());
    }
}
