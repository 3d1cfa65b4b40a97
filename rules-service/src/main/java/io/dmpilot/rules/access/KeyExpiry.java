package io.dmpilot.rules.access;

import io.dmpilot.kit.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** When a key being issued expires: in {@code expiresInDays}, at {@code expiresAt}, or never (neither given). */
final class KeyExpiry {
    static final int MAX_DAYS = 3650;

    /**
     * The instant the key stops working, or null; {@code now} is the caller's clock. Whole milliseconds, as Redis
     * keeps it, so the issuing answer and the listing show the same instant.
     */
    static Instant resolve(Integer expiresInDays, String expiresAt, Instant now) {
        Instant at = resolveExactly(expiresInDays, expiresAt, now);
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant resolveExactly(Integer expiresInDays, String expiresAt, Instant now) {
        if (expiresInDays != null && expiresAt != null) {
            throw ProblemException.invalidField("expiresAt", "give expiresInDays or expiresAt, not both");
        }
        if (expiresInDays != null) {
            if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
                throw ProblemException.invalidField("expiresInDays", "expiresInDays is between 1 and " + MAX_DAYS);
            }
            return now.plus(Duration.ofDays(expiresInDays));
        }
        if (expiresAt == null) return null;
        Instant at = parse(expiresAt);
        if (!at.isAfter(now)) throw ProblemException.invalidField("expiresAt", "expiresAt must be in the future");
        if (at.isAfter(now.plus(Duration.ofDays(MAX_DAYS)))) {
            throw ProblemException.invalidField("expiresAt", "expiresAt is at most " + MAX_DAYS + " days ahead");
        }
        return at;
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    "expiresAt", "expiresAt is an ISO-8601 instant, e.g. 2027-01-31T00:00:00Z");
        }
    }

    private KeyExpiry() {}
}
