package io.dmpilot.contracts;

import java.util.List;

/**
 * A candidate after compliance on {@code dm.reply-vetted.v1}.
 *
 * @param text the text to send: the candidate's, or its rewritten form; empty when blocked
 */
public record VettedReply(
        ReplyCandidate candidate, Verdict verdict, String text, List<Finding> findings, long vettedAt) {}
