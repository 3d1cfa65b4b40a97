package io.dmpilot.rules.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.rules.Paging;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An agency's audit log, newest first: for its admin and the superadmin. Another agency's log answers 404, like
 * {@code /agencies/{agencyId}/keys}.
 */
@Path("/agencies/{agencyId}/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final Caller caller;
    private final ObjectMapper json;

    public AuditResource(Caller caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    @GET
    public Uni<List<AuditView>> list(
            @PathParam("agencyId") String agencyId,
            @QueryParam("entity") String entity,
            @QueryParam("since") String since,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        caller.scope().requireVisible(agencyId, "no agency " + agencyId);
        return page("agencyId = :agency", Parameters.with("agency", agencyId), entity, since, page, size, json);
    }

    /** One page of the entries {@code owner} selects, newest first, of one entity type and since an instant. */
    static Uni<List<AuditView>> page(
            String owner, Parameters parameters, String entity, String since, int page, int size, ObjectMapper json) {
        Paging.check(page, size);
        StringBuilder query = new StringBuilder(owner);
        if (entity != null && !entity.isBlank()) {
            query.append(" and entity = :entity");
            parameters.and("entity", entity);
        }
        if (since != null && !since.isBlank()) {
            query.append(" and at >= :since");
            parameters.and("since", parseInstant(since));
        }
        return Panache.withSession(
                        () -> AuditEntry.<AuditEntry>find(query.toString(), Sort.descending("at", "id"), parameters)
                                .page(page, size)
                                .list())
                .map(entries -> entries.stream().map(e -> AuditView.of(e, json)).toList());
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("since", "since is an ISO-8601 instant, e.g. 2026-11-26T08:00:00Z");
        }
    }
}
