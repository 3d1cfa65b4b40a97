package io.dmpilot.dispatch.handoff;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.audit.AuditActor;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Operators' hand-off queue: list an account's waiting conversations oldest first, claim, answer, release.
 * Another agency's account answers like a missing one (docs/SECURITY.md), before anything is read or changed.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/handoffs/{account}")
@Produces(MediaType.APPLICATION_JSON)
public class HandoffResource {
    private final HandoffQueue queue;
    private final ManualReplies replies;
    private final AccountAccess access;
    private final Caller caller;
    private final HandoffAudit audit;

    public HandoffResource(
            HandoffQueue queue, ManualReplies replies, AccountAccess access, Caller caller, HandoffAudit audit) {
        this.queue = queue;
        this.replies = replies;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
    }

    /** Waiting conversations of an account, oldest first; {@code minAgeSeconds} keeps only the older ones. */
    @GET
    public Uni<List<HandoffEntry>> list(
            @PathParam("account") String account,
            @QueryParam("minAgeSeconds") @DefaultValue("0") long minAgeSeconds,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (minAgeSeconds < 0) throw ProblemException.invalidField("minAgeSeconds", "must be ≥ 0");
        if (limit < 1 || limit > 500) throw ProblemException.invalidField("limit", "between 1 and 500");
        return access.requireVisible(account).chain(() -> queue.list(account, minAgeSeconds * 1000, limit));
    }

    @GET
    @Path("/{conversation}")
    public Uni<HandoffEntry> get(@PathParam("account") String account, @PathParam("conversation") String conversation) {
        return access.requireVisible(account).chain(() -> queue.get(account, conversation));
    }

    @POST
    @Path("/{conversation}/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<HandoffEntry> claim(
            @PathParam("account") String account,
            @PathParam("conversation") String conversation,
            ClaimRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body {\"operator\": …} is required");
        request.validate();
        AuditActor actor = AuditActor.of(caller);
        return access.requireVisible(account)
                .chain(() -> queue.get(account, conversation))
                .chain(before -> queue.claim(account, conversation, request.operator())
                        .call(after -> audit.claimed(actor, account, before, after)));
    }

    /** Sends the operator's text to the user; the conversation stays with the operator until released. */
    @POST
    @Path("/{conversation}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ManualReplySent> reply(
            @PathParam("account") String account,
            @PathParam("conversation") String conversation,
            ManualReplyRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body {\"operator\", \"text\"} is required");
        request.validate();
        AuditActor actor = AuditActor.of(caller);
        return access.requireVisible(account)
                .chain(() -> replies.reply(account, conversation, request))
                .call(id -> audit.replied(actor, account, conversation, request, id))
                .map(ManualReplySent::new);
    }

    /** Back to automation, with the in-a-row count starting again. */
    @POST
    @Path("/{conversation}/release")
    public Uni<Void> release(@PathParam("account") String account, @PathParam("conversation") String conversation) {
        AuditActor actor = AuditActor.of(caller);
        return access.requireVisible(account)
                .chain(() -> queue.get(account, conversation))
                .call(() -> queue.release(account, conversation))
                .chain(before -> audit.released(actor, account, before));
    }

    public record ManualReplySent(String platformMessageId) {}
}
