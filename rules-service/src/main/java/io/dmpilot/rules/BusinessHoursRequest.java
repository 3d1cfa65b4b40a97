package io.dmpilot.rules;

import io.dmpilot.kit.ProblemException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Business hours of an account (seed §4): {@code "09:00"} to {@code "21:00"} in an IANA time zone (default
 * Asia/Shanghai). Opening after closing spans midnight; both absent means always open.
 */
public record BusinessHoursRequest(String timeZone, LocalTime opensAt, LocalTime closesAt) {
    void validate() {
        if ((opensAt == null) != (closesAt == null)) {
            throw ProblemException.invalidField(
                    opensAt == null ? "opensAt" : "closesAt", "opensAt and closesAt go together, or neither");
        }
        if (timeZone == null) return;
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "unknown time zone " + timeZone);
        }
    }
}
