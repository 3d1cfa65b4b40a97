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
 * @param degraded charged below the reply's own tier because dispatch is degraded under load
 * @param admittedAt Redis' clock when the quota admitted it (0 until then): the outcome carries it, so anyone can
 *     check the quota against the clock that decided it
 */
record Attempt(
        VettedReply reply,
        String text,
        Tier charged,
        boolean offHours,
        String entry,
        boolean onFallback,
        boolean degraded,
        long admittedAt) {
    /**
     * Degraded under load, the cheaper engine's own answer goes out where the candidate carries one, so what is
     * sent matches the tier it is charged to; without one, the reply's own text is charged to the cheaper tier.
     */
    static Attempt of(VettedReply reply, Tier charged, boolean offHours, String entry) {
        boolean degraded = charged != reply.candidate().tier();
        if (degraded
                && reply.hasFallback()
                && reply.candidate().fallback().tier().compareTo(charged) <= 0) {
            Tier cheaper = reply.candidate().fallback().tier();
            return new Attempt(reply, reply.fallbackText() + entry, cheaper, offHours, entry, true, true, 0);
        }
        return new Attempt(reply, reply.text() + entry, charged, offHours, entry, false, degraded, 0);
    }

    /** The same reply answered by the cheaper tier's fallback, if it has one cheaper than what is charged now. */
    Optional<Attempt> fallback() {
        if (onFallback || !reply.hasFallback()) return Optional.empty();
        Tier tier = reply.candidate().fallback().tier();
        if (tier.compareTo(charged) >= 0) return Optional.empty();
        return Optional.of(new Attempt(reply, reply.fallbackText() + entry, tier, offHours, entry, true, false, 0));
    }

    Attempt admittedAt(long redisMillis) {
        return new Attempt(reply, text, charged, offHours, entry, onFallback, degraded, redisMillis);
    }

    /** The detail, after what set this reply apart: {@code off-hours;degraded-to-BASIC;sent-…}. */
    Dispatched outcome(Outcome outcome, String detail, HandoffReason handoff) {
        String marked = (offHours ? "off-hours;" : "")
                + (degraded ? "degraded-to-" + charged + ";" : onFallback ? "fallback-to-" + charged + ";" : "")
                + detail;
        return new Dispatched(
                onFallback
                        ? OutcomeFactory.ofFallback(reply, outcome, marked, admittedAt)
                        : OutcomeFactory.of(reply, outcome, marked, admittedAt),
                handoff);
    }

    Uni<Dispatched> done(Outcome outcome, String detail) {
        return Uni.createFrom().item(outcome(outcome, detail, null));
    }
}
