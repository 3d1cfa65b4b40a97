package io.dmpilot.dispatch.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacingTest {
    private static final Pacing PACING = new Pacing(
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(10));

    /** The draw is the lower end ("low"), the upper end ("high"), or the middle of its range. */
    @ParameterizedTest(name = "open={0}, {1} ms left, draw {2} → {3} ms")
    @CsvSource({
        "true,  90000, low,  500",
        "true,  90000, high, 2000",
        "false, 90000, low,  5000",
        "false, 90000, high, 15000",
        "false, 90000, mid,  10000",
        // never into the last 10 s before the deadline
        "false, 20000, high, 10000",
        "false, 12000, low,  2000",
        "true,  10500, high, 500",
        "true,  9000,  low,  0",
        "false, -100,  high, 0",
    })
    void pauseIsDrawnFromTheRangeOfTheHoursAndLeavesTheReserve(
            boolean open, long untilDeadline, String draw, long expected) {
        long pause = PACING.pauseMillis(open, untilDeadline, (min, max) -> switch (draw) {
            case "low" -> min;
            case "high" -> max;
            default -> (min + max) / 2;
        });
        assertEquals(expected, pause);
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void zeroRangesMeanNoPause(boolean open) {
        Pacing off = new Pacing(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10));
        assertEquals(0, off.pauseMillis(open, 90_000, (min, max) -> {
            throw new AssertionError("no draw for an empty range");
        }));
    }
}
