package io.dmpilot.analytics.responsetime;

import io.dmpilot.contracts.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The response-time figures of an account over a window. Shares are exact (summed counters); percentiles
 * come from the HdrHistogram buckets and are within 1 % of the true value.
 *
 * @param count sent replies with both timings
 * @param within90s replies that left within 90 s of the message, and their share of {@code count}
 * @param withinSlo replies within their tier's SLO (2/3/5 s), and their share
 * @param histogram fixed display bins (ms), lower bound inclusive, upper exclusive; -1 = no upper bound
 */
public record ResponseTimes(
        String accountOpenId,
        String from,
        String to,
        long count,
        double meanMillis,
        long p50Millis,
        long p90Millis,
        long p99Millis,
        long maxMillis,
        Share within90s,
        Share withinSlo,
        List<TierFigures> tiers,
        List<Bin> histogram) {

    /** Display bins: the tier SLOs and the 90 s window are edges, so the chart shows them. */
    static final long[] EDGES = {0, 500, 1_000, 1_500, 2_000, 3_000, 5_000, 10_000, 30_000, 60_000, 90_000};

    public record Share(long count, double share) {
        static Share of(long count, long total) {
            return new Share(count, total == 0 ? 0.0 : (double) count / total);
        }
    }

    public record TierFigures(String tier, long sloMillis, long count, Share withinSlo) {}

    public record Bin(long fromMillis, long toMillis, long count) {}

    /** Summed counters of one tier: timed, total ms, within 90 s, within SLO. */
    public record Totals(long timed, long totalMillis, long withinWindow, long withinSlo) {}

    /**
     * @param totals by tier name ("" for outcomes that named no tier)
     * @param values count by HdrHistogram bucket (its lowest value)
     */
    public static ResponseTimes of(
            String account, String from, String to, Map<String, Totals> totals, Map<Long, Long> values) {
        long timed = 0, total = 0, window = 0, slo = 0;
        List<TierFigures> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Totals t = totals.getOrDefault(tier.name(), new Totals(0, 0, 0, 0));
            tiers.add(new TierFigures(tier.name(), tier.sloMillis(), t.timed(), Share.of(t.withinSlo(), t.timed())));
        }
        for (Totals t : totals.values()) {
            timed += t.timed();
            total += t.totalMillis();
            window += t.withinWindow();
            slo += t.withinSlo();
        }
        Histogram histogram = ResponseTimeBuckets.newHistogram();
        values.forEach(histogram::recordValueWithCount);
        boolean empty = histogram.getTotalCount() == 0;
        return new ResponseTimes(
                account,
                from,
                to,
                timed,
                timed == 0 ? 0.0 : (double) total / timed,
                empty ? 0 : histogram.getValueAtPercentile(50),
                empty ? 0 : histogram.getValueAtPercentile(90),
                empty ? 0 : histogram.getValueAtPercentile(99),
                empty ? 0 : histogram.getMaxValue(),
                Share.of(window, timed),
                Share.of(slo, timed),
                tiers,
                bins(values));
    }

    static List<Bin> bins(Map<Long, Long> values) {
        long[] counts = new long[EDGES.length];
        values.forEach((value, count) -> counts[binOf(value)] += count);
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < EDGES.length; i++) {
            bins.add(new Bin(EDGES[i], i + 1 < EDGES.length ? EDGES[i + 1] : -1, counts[i]));
        }
        return bins;
    }

    private static int binOf(long value) {
        int bin = 0;
        while (bin + 1 < EDGES.length && value >= EDGES[bin + 1]) bin++;
        return bin;
    }
}
