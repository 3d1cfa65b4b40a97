package io.dmpilot.analytics.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-variant conversion of an account (optionally one rule) over a window, each variant tested against
 * the baseline: sent replies are the trials, converted conversations the successes.
 *
 * @param baseline the variant the others are compared with: the one asked for, else the first by name
 */
public record AbResult(
        String accountOpenId, String from, String to, String ruleId, String baseline, List<Variant> variants) {

    /** @param versusBaseline null for the baseline itself */
    public record Variant(
            String variant,
            long sent,
            long converted,
            double conversionRate,
            TwoProportionZTest.Result versusBaseline) {}

    /** @param counts variant → [sent, converted] */
    public static AbResult of(
            String account, String from, String to, String ruleId, String baseline, Map<String, long[]> counts) {
        Map<String, long[]> sorted = new TreeMap<>(counts);
        String base = baseline != null && sorted.containsKey(baseline)
                ? baseline
                : sorted.isEmpty() ? "" : sorted.keySet().iterator().next();
        long[] b = sorted.getOrDefault(base, new long[2]);
        List<Variant> variants = new ArrayList<>();
        sorted.forEach((name, c) -> {
            // conversions are capped at trials: a conversion credited to a send outside the window must not break the
            // test
            long converted = Math.min(c[1], c[0]);
            TwoProportionZTest.Result test =
                    name.equals(base) ? null : TwoProportionZTest.test(Math.min(b[1], b[0]), b[0], converted, c[0]);
            variants.add(new Variant(name, c[0], converted, c[0] == 0 ? 0.0 : (double) converted / c[0], test));
        });
        return new AbResult(account, from, to, ruleId, base, variants);
    }
}
