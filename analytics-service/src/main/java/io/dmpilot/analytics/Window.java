package io.dmpilot.analytics;

import io.dmpilot.kit.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A report's time window [from, to) in whole hours: the hour buckets are the finest grain stored, so a
 * window is widened to the hours it touches. Default: the last 24 hours up to the end of the current hour.
 */
public record Window(long fromMillis, long toMillis) {
    private static final long DEFAULT_SPAN = 24 * TimeBuckets.HOUR_MILLIS;
    /** The width of the account columns: a longer id cannot have been counted. */
    public static final int MAX_ACCOUNT_LENGTH = 128;

    public static Window parse(String from, String to, long nowMillis) {
        long end = to == null || to.isBlank() ? nowMillis : instant("to", to);
        long start = from == null || from.isBlank() ? end - DEFAULT_SPAN : instant("from", from);
        long toHour = TimeBuckets.hourOf(end - 1) + TimeBuckets.HOUR_MILLIS;
        long fromHour = TimeBuckets.hourOf(start);
        if (fromHour >= toHour) throw ProblemException.invalidField("from", "from must be before to");
        return new Window(fromHour, toHour);
    }

    public Instant from() {
        return Instant.ofEpochMilli(fromMillis);
    }

    public Instant to() {
        return Instant.ofEpochMilli(toMillis);
    }

    public static void checkAccount(String accountOpenId) {
        if (accountOpenId.isBlank() || accountOpenId.length() > MAX_ACCOUNT_LENGTH) {
            throw ProblemException.invalidField(
                    "accountOpenId", "an account open id has 1 to " + MAX_ACCOUNT_LENGTH + " characters");
        }
    }

    private static long instant(String field, String value) {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "an ISO-8601 instant such as 2026-11-25T08:00:00Z");
        }
    }
}
