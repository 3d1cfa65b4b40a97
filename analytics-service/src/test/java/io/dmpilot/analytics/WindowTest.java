package io.dmpilot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.kit.ProblemException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowTest {
    private static final long NOW = Instant.parse("2026-11-25T10:20:00Z").toEpochMilli();

    @ParameterizedTest
    @CsvSource({
        // from, to, expected from, expected to ("" = default)
        "2026-11-25T08:00:00Z, 2026-11-25T10:00:00Z, 2026-11-25T08:00:00Z, 2026-11-25T10:00:00Z",
        "2026-11-25T08:30:00Z, 2026-11-25T09:10:00Z, 2026-11-25T08:00:00Z, 2026-11-25T10:00:00Z",
        "'',                   '',                   2026-11-24T10:00:00Z, 2026-11-25T11:00:00Z"
    })
    void windowsWidenToWholeHours(String from, String to, String expectedFrom, String expectedTo) {
        Window window = Window.parse(from, to, NOW);

        assertEquals(Instant.parse(expectedFrom), window.from());
        assertEquals(Instant.parse(expectedTo), window.to());
    }

    @ParameterizedTest
    @CsvSource({"yesterday, ''", "2026-11-25T10:00:00Z, 2026-11-25T09:00:00Z", "'', 25.11.2026"})
    void badInstantsAndReversedWindowsAreProblems(String from, String to) {
        assertThrows(ProblemException.class, () -> Window.parse(from, to, NOW));
    }
}
