package io.dmpilot.rules.engine;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When an account's staff work, in its own time zone (Asia/Shanghai unless set). {@code opens} after
 * {@code closes} spans midnight (22:00–06:00); no hours at all means always open.
 */
public record BusinessHours(ZoneId zone, LocalTime opens, LocalTime closes) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final BusinessHours ALWAYS = new BusinessHours(DEFAULT_ZONE, null, null);

    public static BusinessHours of(String zone, LocalTime opens, LocalTime closes) {
        return new BusinessHours(zone == null ? DEFAULT_ZONE : ZoneId.of(zone), opens, closes);
    }

    public boolean isOpen(Instant at) {
        if (opens == null || closes == null || opens.equals(closes)) return true;
        LocalTime local = at.atZone(zone).toLocalTime();
        return opens.isBefore(closes)
                ? !local.isBefore(opens) && local.isBefore(closes)
                : !local.isBefore(opens) || local.isBefore(closes);
    }
}
