package io.dmpilot.dispatch;

import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.dispatch.ReplyDispatcher.Dispatched;
import io.smallrye.mutiny.Uni;

/**
 * One reply on its way out: its text (with the human-service entry when it is the last automatic one)
 * and the tier whose quota it is charged against — its own, or a cheaper one when dispatch degraded
 * under load — and whether it was paced as off-hours. Fixed when the reply starts, so waiting and retrying
 * charge and give back the same tier.
 */
record Attempt(VettedReply reply, String text, Tier charged, boolean offHours) {
    /** The detail, after what set this reply apart: {@code off-hours;degraded-to-BASIC;sent-…}. */
    Dispatched outcome(Outcome outcome, String detail, HandoffReason handoff) {
        String marked = (offHours ? "off-hours;" : "")
                + (charged != reply.candidate().tier() ? "degraded-to-" + charged + ";" : "")
                + detail;
        return new Dispatched(OutcomeFactory.of(reply, outcome, marked), handoff);
    }

    Uni<Dispatched> done(Outcome outcome, String detail) {
        return Uni.createFrom().item(outcome(outcome, detail, null));
    }
}
