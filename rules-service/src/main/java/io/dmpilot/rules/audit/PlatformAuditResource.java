package io.dmpilot.rules.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmpilot.kit.auth.Roles;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The audit of changes that belong to no agency — the global lexicon, which every agency reads, and accounts
 * no agency is known to own — newest first, for the superadmin only. The same filters as an agency's log.
 */
@Path("/platform/audit")
@RolesAllowed(Roles.SUPERADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAuditResource {
    private final ObjectMapper json;

    public PlatformAuditResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    public Uni<List<AuditView>> list(
            @QueryParam("entity") String entity,
            @QueryParam("since") String since,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return AuditResource.page("agencyId is null", new Parameters(), entity, since, page, size, json);
    }
}
