package io.dmpilot.contracts;

import java.util.List;

/**
 * A candidate after compliance on {@code dm.reply-vetted.v1}.
 *
 * @param text the text to send: the candidate's, or its rewritten form; empty when blocked
 * @param handoff null, unless compliance hands the conversation to a person instead of replying (the inbound
 *     message carries a crisis, harassment or complaint signal the account hands off): the verdict is then
 *     BLOCKED, so a consumer that does not know this field still never sends the reply
 */
public record VettedReply(
        ReplyCandidate candidate,
        Verdict verdict,
        String text,
        List<Finding> findings,
        long vettedAt,
        HandoffReason handoff) {

    /** A verdict of the lexicon alone, no hand-off. */
    public VettedReply(ReplyCandidate candidate, Verdict verdict, String text, List<Finding> findings, long vettedAt) {
        this(candidate, verdict, text, findings, vettedAt, null);
    }

    public boolean handedOff() {
        return handoff != null;
    }
}
