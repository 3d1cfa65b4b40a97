package io.dmpilot.compliance.lexicon;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.audit.AuditActor;
import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * Operators' API for the lexicons, global and per agency. A change is committed, then announced on
 * config.changes.v1; every replica (this one included) rebuilds its matchers when it reads the change.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/lexicons/terms")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LexiconResource {
    private final LexiconChanges changes;
    private final Caller caller;
    private final LexiconAudit audit;

    public LexiconResource(LexiconChanges changes, Caller caller, LexiconAudit audit) {
        this.changes = changes;
        this.caller = caller;
        this.audit = audit;
    }

    public record TermView(
            Long id, String agencyId, String category, String term, String substitute, String qualification) {
        static TermView of(LexiconEntry e) {
            return new TermView(
                    e.id,
                    LexiconEntry.GLOBAL.equals(e.scope) ? null : e.scope,
                    e.category.name(),
                    e.term,
                    e.substitute,
                    e.qualification);
        }
    }

    /** Without {@code agencyId}: the global lexicon; with it: that agency's own terms. */
    @GET
    public Uni<List<TermView>> list(@QueryParam("agencyId") String agencyId) {
        if (agencyId != null) caller.scope().requireVisible(agencyId, "no agency " + agencyId);
        String scope = agencyId == null ? LexiconEntry.GLOBAL : agencyId;
        return Panache.withSession(() -> LexiconEntry.<LexiconEntry>list("scope = ?1 order by id", scope))
                .map(entries -> entries.stream().map(TermView::of).toList());
    }

    @POST
    public Uni<Response> create(LexiconEntryRequest request) {
        validate(request);
        caller.scope().requireOwn(request.agencyId(), "agencyId");
        AuditActor actor = AuditActor.of(caller);
        return Panache.withTransaction(() -> duplicateCheck(request, null)
                        .chain(() -> {
                            LexiconEntry entry = LexiconSeed.entry(request);
                            return entry.<LexiconEntry>persist();
                        })
                        .call(entry -> audit.record(actor, "create", entry.id, null, TermView.of(entry))))
                .call(entry -> changes.changed(entry.scope))
                .map(entry -> Response.created(URI.create("/lexicons/terms/" + entry.id))
                        .entity(TermView.of(entry))
                        .build());
    }

    @PUT
    @Path("/{id}")
    public Uni<TermView> update(@PathParam("id") long id, LexiconEntryRequest request) {
        validate(request);
        AgencyScope scope = caller.scope();
        scope.requireOwn(request.agencyId(), "agencyId");
        AuditActor actor = AuditActor.of(caller);
        return Panache.withTransaction(() -> existing(id, scope)
                        .call(entry -> duplicateCheck(request, id))
                        .call(entry -> {
                            TermView before = TermView.of(entry);
                            LexiconSeed.apply(entry, request);
                            return audit.record(actor, "update", id, before, TermView.of(entry));
                        }))
                .call(entry -> changes.changed(entry.scope))
                .map(TermView::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        AgencyScope scope = caller.scope();
        AuditActor actor = AuditActor.of(caller);
        return Panache.withTransaction(() -> existing(id, scope)
                        .call(LexiconEntry::delete)
                        .call(entry -> audit.record(actor, "delete", id, TermView.of(entry), null)))
                .call(entry -> changes.changed(entry.scope))
                .map(entry -> Response.noContent().build());
    }

    private static void validate(LexiconEntryRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body is required");
        request.validate();
    }

    /**
     * The term if the caller may change it: another agency's term is a 404 like a missing one; the global
     * lexicon, which every agency reads, is changed by the superadmin only (403).
     */
    private static Uni<LexiconEntry> existing(long id, AgencyScope scope) {
        return LexiconEntry.<LexiconEntry>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("no lexicon term " + id))
                .invoke(entry -> {
                    if (LexiconEntry.GLOBAL.equals(entry.scope)) scope.requireOwn(null, "agencyId");
                    else scope.requireVisible(entry.scope, "no lexicon term " + id);
                });
    }

    private static Uni<Void> duplicateCheck(LexiconEntryRequest request, Long self) {
        return LexiconEntry.<LexiconEntry>find("scope = ?1 and normalized = ?2", request.scope(), request.normalized())
                .firstResult()
                .invoke(found -> {
                    if (found != null && !found.id.equals(self)) {
                        throw ProblemException.conflict(
                                "\"" + request.term() + "\" reads as term " + found.id + " (\"" + found.term + "\")");
                    }
                })
                .replaceWithVoid();
    }
}
