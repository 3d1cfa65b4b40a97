package io.dmpilot.dispatch.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // 2026-11-23 is a Monday; times are UTC, Shanghai is UTC+8
    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "09:00-21:00                 | 2026-11-23T01:00:00Z | true",
                "09:00-21:00                 | 2026-11-23T00:59:59Z | false",
                "09:00-21:00                 | 2026-11-23T12:59:59Z | true",
                "09:00-21:00                 | 2026-11-23T13:00:00Z | false",
                "09:00-21:00 UTC             | 2026-11-23T09:30:00Z | true",
                "09:00-21:00 UTC             | 2026-11-23T01:30:00Z | false",
                "MON-FRI 09:00-18:00         | 2026-11-27T02:00:00Z | true",
                "MON-FRI 09:00-18:00         | 2026-11-28T02:00:00Z | false",
                "mon-fri 09:00-18:00         | 2026-11-24T02:00:00Z | true",
                "SAT-MON 10:00-12:00         | 2026-11-23T03:00:00Z | true",
                "SAT-MON 10:00-12:00         | 2026-11-24T03:00:00Z | false",
                // past midnight: the small hours belong to the day the shift opened
                "FRI 22:00-06:00             | 2026-11-27T15:00:00Z | true",
                "FRI 22:00-06:00             | 2026-11-27T21:59:00Z | true",
                "FRI 22:00-06:00             | 2026-11-27T22:00:00Z | false",
                "FRI 22:00-06:00             | 2026-11-26T21:00:00Z | false",
                "always                      | 2026-11-23T19:00:00Z | true",
                "never                       | 2026-11-23T04:00:00Z | false",
            })
    void isOpen(String spec, String at, boolean open) {
        assertEquals(open, BusinessHours.parse(spec, SHANGHAI).isOpen(Instant.parse(at)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9-21", "09:00", "09:00-21:00 Mars/Base", "XYZ 09:00-10:00", "MON 09:00-10:00 UTC x"})
    void unreadableHoursAreRefusedNamingTheSpec(String spec) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse(spec, SHANGHAI));
        assertEquals(true, e.getMessage().contains("'" + spec + "'"));
    }
}
