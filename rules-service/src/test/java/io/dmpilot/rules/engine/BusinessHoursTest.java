package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {
    @ParameterizedTest(name = "{0} {1}–{2} at {3} → open {4}")
    @CsvSource({
        // zone (empty = Asia/Shanghai), opens, closes, instant (UTC), open
        ",                 09:00, 21:00, 2026-11-26T01:00:00Z, true", // 09:00 Shanghai: opening minute
        ",                 09:00, 21:00, 2026-11-26T00:59:59Z, false", // 08:59:59 Shanghai
        ",                 09:00, 21:00, 2026-11-26T12:59:00Z, true", // 20:59
        ",                 09:00, 21:00, 2026-11-26T13:00:00Z, false", // 21:00: closed
        ",                 09:00, 21:00, 2026-11-26T18:00:00Z, false", // 02:00 next day
        "Asia/Shanghai,    22:00, 06:00, 2026-11-26T15:00:00Z, true", // 23:00, night shift spans midnight
        "Asia/Shanghai,    22:00, 06:00, 2026-11-26T21:59:00Z, true", // 05:59
        "Asia/Shanghai,    22:00, 06:00, 2026-11-26T04:00:00Z, false", // 12:00
        "Europe/Berlin,    09:00, 17:00, 2026-11-26T08:30:00Z, true", // 09:30 CET
        "Europe/Berlin,    09:00, 17:00, 2026-11-26T16:30:00Z, false", // 17:30 CET
        "America/New_York, 09:00, 17:00, 2026-07-01T13:00:00Z, true", // 09:00 EDT
        "America/New_York, 09:00, 17:00, 2026-07-01T12:59:00Z, false",
        ",                 ,      ,      2026-11-26T18:00:00Z, true", // no hours: always open
        ",                 09:00, 09:00, 2026-11-26T18:00:00Z, true", // opens = closes: always open
    })
    void openInsideTheHoursOfTheAccountsZone(String zone, LocalTime opens, LocalTime closes, Instant at, boolean open) {
        assertEquals(open, BusinessHours.of(zone, opens, closes).isOpen(at));
    }
}
