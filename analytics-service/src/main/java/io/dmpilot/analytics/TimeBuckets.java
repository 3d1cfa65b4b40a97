package io.dmpilot.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where an event is filed in time: hours as epoch milliseconds (UTC has whole hours everywhere that matters
 * here), days as local dates in the operators' zone, Asia/Shanghai, so "Monday" means their Monday.
 */
public final class TimeBuckets {
    public static final long HOUR_MILLIS = 3_600_000L;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static long hourOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, HOUR_MILLIS);
    }

    public static LocalDate dayOf(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZONE);
    }

    private TimeBuckets() {}
}
