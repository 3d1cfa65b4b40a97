package io.dmpilot.dispatch;

import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.dispatch.ReplyDispatcher.Dispatched;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * One reply on its way out: its text (with the human-service entry when it is the last automatic one)
 * and the tier whose quota it is charged against — its own, or a cheaper one when dispatch degraded
 * under load — and whether it was paced as off-hours. Fixed when the reply starts, so waiting and retrying
 * charge and give back the same tier. It changes once at most: to the candidate's cheaper fallback reply, when
 * its own tier's quota cannot admit it before the deadline.
 *
 * @param entry what is appended to the reply's text ("" or the human-service entry), kept for the fallback
 * @param onFallback the text is the candidate's fallback, charged to the fallback's tier
 */
record Attempt(VettedReply reply, String text, Tier charged, boolean offHours, String entry, boolean onFallback) {
    static Attempt of(VettedReply reply, Tier charged, boolean offHours, String entry) {
        return new Attempt(reply, reply.text() + entry, charged, offHours, entry, false);
    }

    /** The same reply answered by the cheaper tier's fallback, if it has one cheaper than what is charged now. */
    Optional<Attempt> fallback() {
        if (onFallback || !reply.hasFallback()) return Optional.empty();
        Tier tier = reply.candidate().fallback().tier();
        if (tier.compareTo(charged) >= 0) return Optional.empty();
        return Optional.of(new Attempt(reply, reply.fallbackText() + entry, tier, offHours, entry, true));
    }

    /** The detail, after what set this reply apart: {@code off-hours;degraded-to-BASIC;sent-…}. */
    Dispatched outcome(Outcome outcome, String detail, HandoffReason handoff) {
        String marked = (offHours ? "off-hours;" : "")
                + (onFallback
                        ? "fallback-to-" + charged + ";"
                        : charged != reply.candidate().tier() ? "degraded-to-" + charged + ";" : "")
                + detail;
        return new Dispatched(
                onFallback
                        ? OutcomeFactory.ofFallback(reply, outcome, marked)
                        : OutcomeFactory.of(reply, outcome, marked),
                handoff);
    }

    Uni<Dispatched> done(Outcome outcome, String detail) {
        return Uni.createFrom().item(outcome(outcome, detail, null));
    }
}
