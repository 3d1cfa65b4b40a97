package io.dmpilot.rules.access;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.rules.Paging;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An agency's members, the people its keys are issued for: for the agency's admin and the superadmin. Another
 * agency's member answers 404, like its keys. A member's role caps its keys' roles: a new role reaches its keys
 * in Redis, deleting a member revokes them. Every change is audited with the member before and after, in the
 * change's own transaction.
 */
@Path("/agencies/{agencyId}/members")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgencyMemberResource {
    static final String ENTITY = "member";

    private final Caller caller;
    private final AuditTrail audit;
    private final MemberKeys keys;

    public AgencyMemberResource(Caller caller, AuditTrail audit, MemberKeys keys) {
        this.caller = caller;
        this.audit = audit;
        this.keys = keys;
    }

    @POST
    public Uni<Response> add(@PathParam("agencyId") String agencyId, MemberRequest request) {
        caller.scope().requireVisible(agencyId, "no agency " + agencyId);
        if (request == null) throw ProblemException.badRequest("a JSON body {\"name\": …, \"role\": …} is required");
        request.validateNew();
        Actor actor = Actor.of(caller);
        AgencyMember member = new AgencyMember();
        member.agencyId = agencyId;
        request.applyTo(member);
        member.createdAt = Instant.now();
        member.updatedAt = member.createdAt;
        return Panache.withTransaction(() -> member.<AgencyMember>persist()
                        .map(MemberView::of)
                        .call(view -> audit.record(actor, change(view, "create", null, view))))
                .map(view -> Response.created(URI.create("/agencies/" + agencyId + "/members/" + view.id()))
                        .entity(view)
                        .build());
    }

    @GET
    public Uni<List<MemberView>> list(
            @PathParam("agencyId") String agencyId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        caller.scope().requireVisible(agencyId, "no agency " + agencyId);
        Paging.check(page, size);
        return Panache.withSession(() -> AgencyMember.<AgencyMember>find("agencyId", Sort.by("id"), agencyId)
                        .page(page, size)
                        .list())
                .map(members -> members.stream().map(MemberView::of).toList());
    }

    @GET
    @Path("/{memberId}")
    public Uni<MemberView> get(@PathParam("agencyId") String agencyId, @PathParam("memberId") String memberId) {
        AgencyScope scope = caller.scope();
        return Panache.withSession(() -> AgencyMember.visible(agencyId, memberId, scope))
                .map(MemberView::of);
    }

    /** Changes name, email or role; a new role reaches the member's keys (MemberKeys#roleAfter). */
    @PATCH
    @Path("/{memberId}")
    public Uni<MemberView> change(
            @PathParam("agencyId") String agencyId, @PathParam("memberId") String memberId, MemberRequest request) {
        AgencyScope scope = caller.scope();
        if (request == null) throw ProblemException.badRequest("a JSON body with name, email or role is required");
        request.validateChange();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> AgencyMember.visible(agencyId, memberId, scope)
                .chain(member -> {
                    MemberView before = MemberView.of(member);
                    request.applyTo(member);
                    member.updatedAt = Instant.now();
                    MemberView after = MemberView.of(member);
                    return audit.record(actor, change(after, "update", before, after))
                            .call(() -> before.role().equals(after.role())
                                    ? Uni.createFrom().voidItem()
                                    : keys.followRole(actor, memberId, before.role(), after.role()))
                            .replaceWith(after);
                }));
    }

    /** Removes the member and revokes every key issued for it. */
    @DELETE
    @Path("/{memberId}")
    public Uni<Response> remove(@PathParam("agencyId") String agencyId, @PathParam("memberId") String memberId) {
        AgencyScope scope = caller.scope();
        Actor actor = Actor.of(caller);
        return Panache.withTransaction(() -> AgencyMember.visible(agencyId, memberId, scope)
                        .chain(member -> {
                            MemberView before = MemberView.of(member);
                            return keys.revokeAll(actor, memberId)
                                    .chain(member::delete)
                                    .call(() -> audit.record(actor, change(before, "delete", before, null)));
                        }))
                .replaceWith(Response.noContent().build());
    }

    private static AuditedChange change(MemberView member, String action, MemberView before, MemberView after) {
        return new AuditedChange(member.agencyId(), ENTITY, member.id(), action, before, after);
    }
}
