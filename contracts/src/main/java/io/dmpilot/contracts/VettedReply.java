package io.dmpilot.contracts;

import java.util.List;

/**
 * A candidate after compliance on {@code dm.reply-vetted.v1}.
 *
 * @param text the text to send: the candidate's, or its rewritten form; empty when blocked
 * @param handoff null, unless compliance hands the conversation to a person instead of replying (the inbound
 *     message carries a crisis, harassment or complaint signal the account hands off): the verdict is then
 *     BLOCKED, so a consumer that does not know this field still never sends the reply
 * @param fallbackText the candidate's {@link ReplyCandidate#fallback() fallback} as it may be sent (approved or
 *     rewritten); null when there is none or compliance blocked it
 */
public record VettedReply(
        ReplyCandidate candidate,
        Verdict verdict,
        String text,
        List<Finding> findings,
        long vettedAt,
        HandoffReason handoff,
        String fallbackText) {

    /** A verdict of the lexicon alone, no hand-off. */
    public VettedReply(ReplyCandidate candidate, Verdict verdict, String text, List<Finding> findings, long vettedAt) {
        this(candidate, verdict, text, findings, vettedAt, null, null);
    }

    public VettedReply(
            ReplyCandidate candidate,
            Verdict verdict,
            String text,
            List<Finding> findings,
            long vettedAt,
            HandoffReason handoff) {
        this(candidate, verdict, text, findings, vettedAt, handoff, null);
    }

    /** The same verdict, with the fallback as it may be sent. */
    public VettedReply withFallbackText(String vettedFallback) {
        return new VettedReply(candidate, verdict, text, findings, vettedAt, handoff, vettedFallback);
    }

    /** The fallback may be sent: there is one, compliance let it through, and the reply itself was not blocked. */
    public boolean hasFallback() {
        return fallbackText != null && candidate.fallback() != null && verdict != Verdict.BLOCKED;
    }

    public boolean handedOff() {
        return handoff != null;
    }
}
