package io.dmpilot.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything one event, or a whole batch of them merged, adds to the aggregate tables, collected before
 * anything is written so the store sends one upsert per table. The column names here are the tables' (see
 * the entities beside the features).
 */
public final class Aggregates {
    private final UpsertBatch outcomes =
            new UpsertBatch("outcome_count", List.of("account_open_id", "outcome"), List.of("count"));
    private final UpsertBatch responseTotalsOfAccount = new UpsertBatch(
            "response_time_total",
            List.of("account_open_id"),
            List.of("timed_count", "total_millis", "within_window_count"));
    private final UpsertBatch funnel = new UpsertBatch(
            "funnel_count",
            List.of("account_open_id", "hour_start", "scenario", "rule_id", "variant", "step"),
            List.of("count"));
    private final UpsertBatch words =
            new UpsertBatch("word_count", List.of("account_open_id", "day", "word"), List.of("count"));
    private final UpsertBatch ruleKeywords = new UpsertBatch(
            "rule_keyword_count", List.of("account_open_id", "day", "rule_id", "keyword"), List.of("count"));
    private final UpsertBatch responseTotals = new UpsertBatch(
            "response_time_hour",
            List.of("account_open_id", "hour_start", "tier"),
            List.of("timed_count", "total_millis", "within_window_count", "within_slo_count"));
    private final UpsertBatch responseValues = new UpsertBatch(
            "response_time_value", List.of("account_open_id", "hour_start", "tier", "value_millis"), List.of("count"));
    private final UpsertBatch transitions = new UpsertBatch(
            "scenario_transition",
            List.of("account_open_id", "hour_start", "from_scenario", "to_scenario"),
            List.of("count"));
    private final UpsertBatch degraded = new UpsertBatch(
            "degraded_count", List.of("account_open_id", "hour_start", "tier", "reason"), List.of("count"));

    /** The original per-account outcome summary: the outcome's count, and a sent reply's response time. */
    public Aggregates outcome(CountableEvent event) {
        outcomes.add(List.of(event.accountOpenId(), event.outcome().name()), 1);
        event.responseMillis()
                .ifPresent(millis -> responseTotalsOfAccount.add(
                        List.of(event.accountOpenId()), 1, millis, event.answeredWithinWindow() ? 1 : 0));
        return this;
    }

    public Aggregates funnel(String account, long hourStart, Dimensions dims, String step) {
        funnel.add(List.of(account, hourStart, dims.scenario(), dims.ruleId(), dims.variant(), step), 1);
        return this;
    }

    public Aggregates word(String account, LocalDate day, String word) {
        words.add(List.of(account, day, word), 1);
        return this;
    }

    public Aggregates ruleKeyword(String account, LocalDate day, String ruleId, String keyword) {
        ruleKeywords.add(List.of(account, day, ruleId, keyword), 1);
        return this;
    }

    /** One sent reply's response time: totals for the exact shares, the bucketed value for percentiles. */
    public Aggregates responseTime(
            String account,
            long hourStart,
            String tier,
            long millis,
            long bucketMillis,
            boolean inWindow,
            boolean inSlo) {
        responseTotals.add(List.of(account, hourStart, tier), 1, millis, inWindow ? 1 : 0, inSlo ? 1 : 0);
        responseValues.add(List.of(account, hourStart, tier, bucketMillis), 1);
        return this;
    }

    public Aggregates transition(String account, long hourStart, String from, String to) {
        transitions.add(List.of(account, hourStart, from, to), 1);
        return this;
    }

    /** A reply planned with a cheaper engine than the account's own under load; tier "" when none answered. */
    public Aggregates degraded(String account, long hourStart, String tier, String reason) {
        degraded.add(List.of(account, hourStart, tier, reason), 1);
        return this;
    }

    /** Adds everything {@code other} adds: a batch's events merged into one set of upserts. */
    public Aggregates addAll(Aggregates other) {
        List<UpsertBatch> mine = all();
        List<UpsertBatch> theirs = other.all();
        for (int i = 0; i < mine.size(); i++) mine.get(i).addAll(theirs.get(i));
        return this;
    }

    /** The batches with at least one row, in a fixed table order so concurrent writers lock alike. */
    public List<UpsertBatch> batches() {
        return all().stream().filter(batch -> !batch.isEmpty()).toList();
    }

    private List<UpsertBatch> all() {
        return List.of(
                outcomes,
                responseTotalsOfAccount,
                funnel,
                words,
                ruleKeywords,
                responseTotals,
                responseValues,
                transitions,
                degraded);
    }
}
