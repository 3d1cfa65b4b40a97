package io.dmpilot.dispatch;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.VettedReply;

/** Outcome records with their timings. One terminal outcome per candidate: its id derives from the candidate. */
final class OutcomeFactory {
    static DispatchOutcome of(VettedReply reply, Outcome outcome, String detail) {
        ReplyCandidate candidate = reply.candidate();
        InboundEvent inbound = candidate.inbound();
        return new DispatchOutcome(
                "out:" + candidate.candidateId() + (outcome.terminal() ? "" : ":" + outcome.name()),
                inbound.eventId(),
                candidate.candidateId(),
                inbound.conversationId(),
                inbound.accountOpenId(),
                candidate.tier(),
                candidate.scenario(),
                candidate.ruleId(),
                candidate.variant(),
                outcome,
                detail,
                inbound.receivedAt(),
                candidate.createdAt(),
                reply.vettedAt(),
                System.currentTimeMillis());
    }

    private OutcomeFactory() {}
}
