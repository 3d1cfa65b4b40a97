package io.dmpilot.analytics.funnel;

import io.dmpilot.analytics.CountedOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One account's funnel over a window, with the drop-off at each step and the mix of terminal outcomes.
 * Filtered by scenario, rule or variant it starts at MATCHED: a message has none of them before rules
 * matched it, so "received" cannot be split by them.
 *
 * @param steps in funnel order; {@code rateFromPrevious} is count / previous count (0 when the previous is 0)
 * @param outcomes every terminal outcome, with its share of all terminal outcomes in the window
 */
public record Funnel(
        String accountOpenId,
        String from,
        String to,
        String scenario,
        String ruleId,
        String variant,
        List<Step> steps,
        List<OutcomeShare> outcomes) {

    public record Step(FunnelStep step, long count, long dropOff, double rateFromPrevious) {}

    public record OutcomeShare(CountedOutcome outcome, long count, double share) {}

    /** @param counts summed counts by step or outcome name, absent where none */
    public static Funnel of(
            String account,
            String from,
            String to,
            String scenario,
            String ruleId,
            String variant,
            Map<String, Long> counts) {
        boolean filtered = !scenario.isEmpty() || !ruleId.isEmpty() || !variant.isEmpty();
        List<Step> steps = new ArrayList<>();
        Long previous = null;
        for (FunnelStep step : FunnelStep.values()) {
            if (filtered && step == FunnelStep.RECEIVED) continue;
            long count = counts.getOrDefault(step.name(), 0L);
            long drop = previous == null ? 0 : previous - count;
            double rate = previous == null ? 1.0 : previous == 0 ? 0.0 : (double) count / previous;
            steps.add(new Step(step, count, drop, rate));
            previous = count;
        }
        return new Funnel(account, from, to, scenario, ruleId, variant, steps, outcomes(counts));
    }

    private static List<OutcomeShare> outcomes(Map<String, Long> counts) {
        long terminal = 0;
        for (CountedOutcome outcome : CountedOutcome.values()) {
            if (outcome != CountedOutcome.RECEIVED) terminal += counts.getOrDefault(outcome.name(), 0L);
        }
        List<OutcomeShare> shares = new ArrayList<>();
        for (CountedOutcome outcome : CountedOutcome.values()) {
            if (outcome == CountedOutcome.RECEIVED) continue;
            long count = counts.getOrDefault(outcome.name(), 0L);
            shares.add(new OutcomeShare(outcome, count, terminal == 0 ? 0.0 : (double) count / terminal));
        }
        return shares;
    }

    /** One line per step and per outcome: {@code kind,name,count,drop_off,rate}. */
    public String csv() {
        StringBuilder csv = new StringBuilder("kind,name,count,drop_off,rate\n");
        for (Step step : steps) {
            csv.append("step,")
                    .append(step.step())
                    .append(',')
                    .append(step.count())
                    .append(',')
                    .append(step.dropOff())
                    .append(',')
                    .append(step.rateFromPrevious())
                    .append('\n');
        }
        for (OutcomeShare outcome : outcomes) {
            csv.append("outcome,")
                    .append(outcome.outcome())
                    .append(',')
                    .append(outcome.count())
                    .append(",,")
                    .append(outcome.share())
                    .append('\n');
        }
        return csv.toString();
    }
}
