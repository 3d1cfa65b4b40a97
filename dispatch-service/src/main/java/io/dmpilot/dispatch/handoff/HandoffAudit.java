package io.dmpilot.dispatch.handoff;

import io.dmpilot.kit.audit.AuditActor;
import io.dmpilot.kit.audit.AuditChange;
import io.dmpilot.kit.audit.AuditPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hand-off actions in the audit log (docs/SECURITY.md), entity {@code handoff}, id {@code <account>/<conversation>},
 * in the account's agency. The queue lives in Redis and a reply is sent at once, so the record is published right
 * after the action: if it cannot be, the call answers 500 saying the action was done but is not in the audit log.
 */
@ApplicationScoped
class HandoffAudit {
    static final String ENTITY = "handoff";

    private final AuditPublisher publisher;

    HandoffAudit(AuditPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * A queued conversation as the audit keeps it: who holds it and why it waits, not what the user wrote.
     */
    record QueuedState(String reason, long since, int waitingMessages, String claimedBy) {
        static QueuedState of(HandoffEntry entry) {
            return new QueuedState(entry.reason(), entry.since(), entry.waitingMessages(), entry.claimedBy());
        }
    }

    /** What an operator sent to the user. */
    record SentReply(String operator, String text, String platformMessageId) {}

    /** Claiming a conversation one already holds changes nothing and is not recorded. */
    Uni<Void> claimed(AuditActor actor, String account, HandoffEntry before, HandoffEntry after) {
        if (after.claimedBy().equals(before.claimedBy()))
            return Uni.createFrom().voidItem();
        return record(actor, account, before.conversationId(), "claim", QueuedState.of(before), QueuedState.of(after));
    }

    Uni<Void> replied(AuditActor actor, String account, String conversation, ManualReplyRequest request, String id) {
        return record(
                actor, account, conversation, "reply", null, new SentReply(request.operator(), request.text(), id));
    }

    Uni<Void> released(AuditActor actor, String account, HandoffEntry before) {
        return record(actor, account, before.conversationId(), "release", QueuedState.of(before), null);
    }

    private Uni<Void> record(
            AuditActor actor, String account, String conversation, String action, Object before, Object after) {
        AuditChange change = new AuditChange(ENTITY, account + "/" + conversation, action, before, after);
        return publisher.publishForAccountAfterTheFact(actor, account, change);
    }
}
