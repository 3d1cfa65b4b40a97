package io.dmpilot.contracts;

import java.util.List;

/**
 * A proposed reply on {@code dm.reply-candidates.v1}, produced by rules-service.
 *
 * @param tier the tier whose engine produced the text; its quota is the one charged
 * @param score similarity for semantic matches, 1.0 for keyword and fixed replies
 * @param autoRepliesInARow automatic replies already sent in a row in this conversation, for dispatch's cap
 * @param deadline epoch milliseconds after which the reply must not be sent (received + 90 s)
 * @param noMatchReason null when a reply was found; otherwise why not (no rule matched, unknown account), so
 *     the message still reaches its terminal NO_MATCH outcome through the pipeline instead of vanishing
 * @param fallback a cheaper tier's reply to the same message for when this tier's quota is used up; null when
 *     the candidate is BASIC already or no cheaper engine answers (additive: older producers omit it)
 * @param offHours whether the message came outside the account's business hours (rules-service owns them), so
 *     dispatch paces the reply as off-hours; null when the producer does not say
 * @param degraded null normally; otherwise why the account's own engine was skipped for a cheaper one under
 *     load, e.g. {@code semantic-backlog} or {@code semantic-timeout}: a CUSTOM account's message answered by
 *     the keyword rules or the fixed reply, as an ADVANCED account's would be (additive: older producers omit it)
 */
public record ReplyCandidate(
        String candidateId,
        InboundEvent inbound,
        String agencyId,
        Tier tier,
        String ruleId,
        Scenario scenario,
        String variant,
        String text,
        List<String> matchedKeywords,
        double score,
        int autoRepliesInARow,
        long createdAt,
        long deadline,
        String noMatchReason,
        FallbackReply fallback,
        Boolean offHours,
        String degraded) {

    /** A candidate that was not degraded. */
    public ReplyCandidate(
            String candidateId,
            InboundEvent inbound,
            String agencyId,
            Tier tier,
            String ruleId,
            Scenario scenario,
            String variant,
            String text,
            List<String> matchedKeywords,
            double score,
            int autoRepliesInARow,
            long createdAt,
            long deadline,
            String noMatchReason,
            FallbackReply fallback,
            Boolean offHours) {
        this(
                candidateId,
                inbound,
                agencyId,
                tier,
                ruleId,
                scenario,
                variant,
                text,
                matchedKeywords,
                score,
                autoRepliesInARow,
                createdAt,
                deadline,
                noMatchReason,
                fallback,
                offHours,
                null);
    }

    /** A candidate without a cheaper fallback. */
    public ReplyCandidate(
            String candidateId,
            InboundEvent inbound,
            String agencyId,
            Tier tier,
            String ruleId,
            Scenario scenario,
            String variant,
            String text,
            List<String> matchedKeywords,
            double score,
            int autoRepliesInARow,
            long createdAt,
            long deadline,
            String noMatchReason) {
        this(
                candidateId,
                inbound,
                agencyId,
                tier,
                ruleId,
                scenario,
                variant,
                text,
                matchedKeywords,
                score,
                autoRepliesInARow,
                createdAt,
                deadline,
                noMatchReason,
                null,
                null,
                null);
    }

    public boolean matched() {
        return noMatchReason == null;
    }
}
