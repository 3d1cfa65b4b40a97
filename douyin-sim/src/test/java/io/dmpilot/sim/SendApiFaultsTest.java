package io.dmpilot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendApiFaultsTest {
    @Test
    void healthyUntilScheduled() {
        assertEquals(SendApiFaults.Mode.HEALTHY, new SendApiFaults().now());
    }

    @Test
    void failingComesFirstThenSlow() {
        SendApiFaults faults = new SendApiFaults();
        faults.schedule(Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(1500));
        assertEquals(SendApiFaults.Mode.HTTP_500, faults.now());
        assertEquals(Duration.ofMillis(1500), faults.slowness());
    }

    @Test
    void withNoFailingWindowItIsSlowAtOnce() {
        SendApiFaults faults = new SendApiFaults();
        faults.schedule(Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(2));
        assertEquals(SendApiFaults.Mode.SLOW, faults.now());
    }

    @Test
    void afterBothWindowsItIsHealthyAgain() {
        SendApiFaults faults = new SendApiFaults();
        faults.schedule(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2));
        assertEquals(SendApiFaults.Mode.HEALTHY, faults.now());
    }
}
