package io.dmpilot.analytics.bi;

import java.util.Map;

/**
 * One account's aggregates for one hour as published on {@code analytics.outcomes.v1} for BI. A snapshot
 * replaces the previous one of the same account and hour: consumers keep the latest by
 * {@code (accountOpenId, windowStart)} ordered by {@code publishedAt}. Schema: docs/benchmarks/analytics-service.md
 * until it moves to contracts.
 *
 * @param steps funnel step counts by {@code FunnelStep} name, every step present
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
