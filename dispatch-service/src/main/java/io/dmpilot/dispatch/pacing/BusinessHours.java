package io.dmpilot.dispatch.pacing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An account's business hours in its time zone: on {@code days}, from {@code open} to {@code close} (a
 * close at or before the open runs past midnight, counted to the day it opened). Written as
 * {@code "[MON-FRI ]09:00-21:00[ Asia/Shanghai]"}, or {@code always} / {@code never}.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime open, LocalTime close, ZoneId zone) {
    public static BusinessHours always(ZoneId zone) {
        return new BusinessHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public static BusinessHours never(ZoneId zone) {
        return new BusinessHours(EnumSet.noneOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!close.isAfter(open)) {
            // runs past midnight (or round the clock): the small hours belong to the day before
            if (!time.isBefore(open)) return days.contains(local.getDayOfWeek());
            return time.isBefore(close) && days.contains(local.getDayOfWeek().minus(1));
        }
        return days.contains(local.getDayOfWeek()) && !time.isBefore(open) && time.isBefore(close);
    }

    /** Parses a spec; an unreadable one is an {@link IllegalArgumentException} naming it. */
    public static BusinessHours parse(String spec, ZoneId defaultZone) {
        String[] parts = spec.trim().split("\\s+");
        try {
            if (parts.length == 1 && parts[0].equalsIgnoreCase("always")) return always(defaultZone);
            if (parts.length == 1 && parts[0].equalsIgnoreCase("never")) return never(defaultZone);
            int i = 0;
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            if (Character.isLetter(parts[0].charAt(0))) days = days(parts[i++]);
            String[] times = parts[i++].split("-");
            ZoneId zone = i < parts.length ? ZoneId.of(parts[i++]) : defaultZone;
            if (times.length != 2 || i != parts.length) throw new IllegalArgumentException("extra or missing parts");
            return new BusinessHours(days, LocalTime.parse(times[0]), LocalTime.parse(times[1]), zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "business hours '" + spec + "': expected [MON-FRI ]09:00-21:00[ Asia/Shanghai], always or never",
                    e);
        }
    }

    private static Set<DayOfWeek> days(String range) {
        String[] ends = range.toUpperCase(Locale.ROOT).split("-");
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length > 1 ? day(ends[1]) : first;
        Set<DayOfWeek> days = EnumSet.of(first);
        for (DayOfWeek d = first; d != last; d = d.plus(1)) days.add(d.plus(1));
        return days;
    }

    private static DayOfWeek day(String prefix) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(prefix) && prefix.length() >= 3) return d;
        }
        throw new DateTimeParseException("no such day", prefix, 0);
    }
}
