package io.dmpilot.dispatch;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.FallbackReply;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.VettedReply;

/** Outcome records with their timings. One terminal outcome per candidate: its id derives from the candidate. */
final class OutcomeFactory {
    /** An outcome reached before the reply took any quota. */
    static DispatchOutcome of(VettedReply reply, Outcome outcome, String detail) {
        return of(reply, outcome, detail, 0);
    }

    static DispatchOutcome of(VettedReply reply, Outcome outcome, String detail, long admittedAt) {
        ReplyCandidate candidate = reply.candidate();
        return of(
                reply,
                outcome,
                detail,
                candidate.tier(),
                candidate.scenario(),
                candidate.ruleId(),
                candidate.variant(),
                admittedAt);
    }

    /** The outcome of the candidate's fallback reply: its tier, scenario and rule, no A/B variant. */
    static DispatchOutcome ofFallback(VettedReply reply, Outcome outcome, String detail, long admittedAt) {
        FallbackReply fallback = reply.candidate().fallback();
        return of(reply, outcome, detail, fallback.tier(), fallback.scenario(), fallback.ruleId(), null, admittedAt);
    }

    private static DispatchOutcome of(
            VettedReply reply,
            Outcome outcome,
            String detail,
            Tier tier,
            Scenario scenario,
            String ruleId,
            String variant,
            long admittedAt) {
        ReplyCandidate candidate = reply.candidate();
        InboundEvent inbound = candidate.inbound();
        return new DispatchOutcome(
                "out:" + candidate.candidateId() + (outcome.terminal() ? "" : ":" + outcome.name()),
                inbound.eventId(),
                candidate.candidateId(),
                inbound.conversationId(),
                inbound.accountOpenId(),
                tier,
                scenario,
                ruleId,
                variant,
                outcome,
                detail,
                inbound.receivedAt(),
                candidate.createdAt(),
                reply.vettedAt(),
                System.currentTimeMillis(),
                admittedAt);
    }

    private OutcomeFactory() {}
}
