package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenLoopScheduleTest {
    private final OpenLoopSchedule schedule = new OpenLoopSchedule(List.of(100, 500, 1000), 10);

    @ParameterizedTest(name = "message {0} is due at {1} ns in step {2}")
    @CsvSource({
        "0, 0, 0",
        "1, 10000000, 0",
        "999, 9990000000, 0",
        "1000, 10000000000, 1",
        "1001, 10002000000, 1",
        "5999, 19998000000, 1",
        "6000, 20000000000, 2",
        "15999, 29999000000, 2"
    })
    void messagesAreDueAtFixedTimesWhateverTheSystemDoes(long index, long dueNanos, int step) {
        assertEquals(dueNanos, schedule.dueNanos(index));
        assertEquals(step, schedule.stepOf(index));
    }

    @ParameterizedTest(name = "rates {0}×{1}s hold {2} messages")
    @CsvSource({"'100,500,1000', 10, 16000", "'50', 20, 1000", "'1,1', 1, 2", "'3', 7, 21"})
    void sizeIsRateTimesSecondsSummedOverSteps(String rates, int seconds, long size) {
        List<Integer> steps =
                java.util.Arrays.stream(rates.split(",")).map(Integer::valueOf).toList();
        assertEquals(size, new OpenLoopSchedule(steps, seconds).size());
    }

    @ParameterizedTest(name = "rate {0}: due times never go backwards")
    @CsvSource({"1", "3", "7", "999", "5000"})
    void dueTimesAreMonotonic(int rate) {
        OpenLoopSchedule oneStep = new OpenLoopSchedule(List.of(rate, rate * 2), 2);
        for (long i = 1; i < oneStep.size(); i++) {
            assertEquals(true, oneStep.dueNanos(i) >= oneStep.dueNanos(i - 1), "message " + i);
        }
    }

    @org.junit.jupiter.api.Test
    void aMessagePastTheEndHasNoStep() {
        assertThrows(IndexOutOfBoundsException.class, () -> schedule.stepOf(16_000));
    }
}
