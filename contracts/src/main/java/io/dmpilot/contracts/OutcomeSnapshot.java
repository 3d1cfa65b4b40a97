package io.dmpilot.contracts;

import java.util.Map;

/**
 * One account's aggregates for one clock hour on {@code analytics.outcomes.v1}, for BI. A snapshot replaces
 * the previous one of the same account and hour: keep the latest by {@code (accountOpenId, windowStart)}
 * ordered by {@code publishedAt}.
 *
 * @param steps funnel step counts (RECEIVED, MATCHED, VETTED, SENT, REPLIED, CONVERTED), every step present
 * @param outcomes terminal outcome counts by name, every outcome present
 */
public record OutcomeSnapshot(
        String snapshotId,
        String accountOpenId,
        long windowStart,
        long windowEnd,
        Map<String, Long> steps,
        Map<String, Long> outcomes,
        long timedReplies,
        long answeredWithin90s,
        long withinSlo,
        long publishedAt) {}
