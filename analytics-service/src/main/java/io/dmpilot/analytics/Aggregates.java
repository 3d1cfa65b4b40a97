package io.dmpilot.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything one event adds to the aggregate tables, collected before anything is written so the store
 * sends one upsert per table. The column names here are the tables' (see the entities beside the features).
 */
public final class Aggregates {
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

    /** The batches with at least one row, in a fixed table order so concurrent writers lock alike. */
    public List<UpsertBatch> batches() {
        return Stream.of(funnel, words, ruleKeywords, responseTotals, responseValues, transitions)
                .filter(batch -> !batch.isEmpty())
                .toList();
    }
}
