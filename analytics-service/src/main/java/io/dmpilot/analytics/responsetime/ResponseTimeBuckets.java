package io.dmpilot.analytics.responsetime;

import org.HdrHistogram.Histogram;

/**
 * The value buckets of the response-time distribution: HdrHistogram's, at two significant digits (each
 * bucket at most 1 % wide) up to one hour. Rows store a bucket's lowest value, so sums over hours and tiers
 * are plain SQL and the read side rebuilds a histogram from them for percentiles.
 */
public final class ResponseTimeBuckets {
    public static final long HIGHEST_MILLIS = 3_600_000L;
    public static final int SIGNIFICANT_DIGITS = 2;

    /** Used only for its bucket arithmetic, which does not depend on recorded values. */
    private static final Histogram LAYOUT = newHistogram();

    public static long bucketOf(long millis) {
        return LAYOUT.lowestEquivalentValue(Math.min(Math.max(millis, 0), HIGHEST_MILLIS));
    }

    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MILLIS, SIGNIFICANT_DIGITS);
    }

    private ResponseTimeBuckets() {}
}
