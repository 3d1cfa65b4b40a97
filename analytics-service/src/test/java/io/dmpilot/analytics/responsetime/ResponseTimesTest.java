package io.dmpilot.analytics.responsetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseTimesTest {
    @ParameterizedTest
    @CsvSource({"0", "1", "250", "1999", "2000", "2001", "89999", "90000", "90001", "3600000", "9999999"})
    void aBucketHoldsItsValueWithinOnePercent(long millis) {
        long bucket = ResponseTimeBuckets.bucketOf(millis);
        long capped = Math.min(millis, ResponseTimeBuckets.HIGHEST_MILLIS);

        assertTrue(bucket <= capped, "bucket starts at or below the value");
        assertTrue(capped - bucket <= Math.max(1, capped / 100), "bucket is at most 1 % wide: " + bucket);
    }

    @Test
    void percentilesComeFromTheBucketsAndSharesFromTheExactCounters() {
        Map<Long, Long> values = new HashMap<>();
        for (long ms = 100; ms <= 10_000; ms += 100) values.merge(ResponseTimeBuckets.bucketOf(ms), 1L, Long::sum);
        Map<String, ResponseTimes.Totals> totals = Map.of(
                "BASIC", new ResponseTimes.Totals(60, 60 * 5_050, 60, 12),
                "CUSTOM", new ResponseTimes.Totals(40, 40 * 5_050, 39, 30));

        ResponseTimes times = ResponseTimes.of("a", "f", "t", totals, values);

        assertEquals(100, times.count());
        assertEquals(5_050.0, times.meanMillis());
        assertEquals(5_000, times.p50Millis(), 50);
        assertEquals(9_000, times.p90Millis(), 90);
        assertEquals(9_900, times.p99Millis(), 99);
        assertEquals(new ResponseTimes.Share(99, 0.99), times.within90s());
        assertEquals(new ResponseTimes.Share(42, 0.42), times.withinSlo());
        assertEquals(
                new ResponseTimes.TierFigures("BASIC", 2_000, 60, new ResponseTimes.Share(12, 0.2)),
                times.tiers().get(0));
        assertEquals(
                new ResponseTimes.TierFigures("ADVANCED", 3_000, 0, new ResponseTimes.Share(0, 0.0)),
                times.tiers().get(1));
    }

    @ParameterizedTest
    @CsvSource({
        // value, index of the display bin it falls in
        "0, 0",
        "499, 0",
        "500, 1",
        "1999, 3",
        "2000, 4",
        "2999, 4",
        "3000, 5",
        "4999, 5",
        "5000, 6",
        "89000, 9",
        "90000, 10",
        "3600000, 10"
    })
    void displayBinsHaveTheSlosAndTheNinetySecondWindowAsEdges(long value, int bin) {
        var bins = ResponseTimes.bins(Map.of(value, 7L));

        assertEquals(7, bins.get(bin).count());
        assertEquals(7, bins.stream().mapToLong(ResponseTimes.Bin::count).sum());
    }

    @Test
    void noTimedRepliesGiveZerosNotErrors() {
        ResponseTimes times = ResponseTimes.of("a", "f", "t", Map.of(), Map.of());

        assertEquals(0, times.p99Millis());
        assertEquals(0.0, times.within90s().share());
    }
}
