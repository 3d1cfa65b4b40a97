package io.dmpilot.analytics.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.analytics.CountedOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunnelTest {
    private static final Map<String, Long> COUNTS = Map.of(
            "RECEIVED",
            10L,
            "MATCHED",
            8L,
            "VETTED",
            6L,
            "SENT",
            5L,
            "REPLIED",
            2L,
            "CONVERTED",
            1L,
            "BLOCKED",
            2L,
            "NO_MATCH",
            2L,
            "EXPIRED",
            1L);

    @Test
    void stepsCarryDropOffAndRateFromThePreviousStep() {
        Funnel funnel = Funnel.of("a", "f", "t", "", "", "", COUNTS);

        assertEquals(
                List.of(
                        new Funnel.Step(FunnelStep.RECEIVED, 10, 0, 1.0),
                        new Funnel.Step(FunnelStep.MATCHED, 8, 2, 0.8),
                        new Funnel.Step(FunnelStep.VETTED, 6, 2, 0.75),
                        new Funnel.Step(FunnelStep.SENT, 5, 1, 5.0 / 6),
                        new Funnel.Step(FunnelStep.REPLIED, 2, 3, 0.4),
                        new Funnel.Step(FunnelStep.CONVERTED, 1, 1, 0.5)),
                funnel.steps());
    }

    @Test
    void theOutcomeMixHasEveryTerminalOutcomeWithItsShare() {
        Funnel funnel = Funnel.of("a", "f", "t", "", "", "", COUNTS);

        assertEquals(CountedOutcome.values().length - 1, funnel.outcomes().size());
        assertEquals(
                new Funnel.OutcomeShare(CountedOutcome.SENT, 5, 0.5),
                funnel.outcomes().get(0));
        assertEquals(
                new Funnel.OutcomeShare(CountedOutcome.HANDED_OFF, 0, 0.0),
                funnel.outcomes().get(1));
        assertEquals(
                new Funnel.OutcomeShare(CountedOutcome.BLOCKED, 2, 0.2),
                funnel.outcomes().get(2));
    }

    @Test
    void aFilteredFunnelStartsAtMatchedBecauseReceivedHasNoScenario() {
        Funnel funnel = Funnel.of("a", "f", "t", "PRODUCT_INQUIRY", "", "", COUNTS);

        assertEquals(FunnelStep.MATCHED, funnel.steps().get(0).step());
        assertEquals(5, funnel.steps().size());
    }

    @Test
    void anEmptyWindowHasZerosAndNoDivisionByZero() {
        Funnel funnel = Funnel.of("a", "f", "t", "", "", "", Map.of());

        funnel.steps().stream().skip(1).forEach(step -> assertEquals(0.0, step.rateFromPrevious()));
        funnel.outcomes().forEach(outcome -> assertEquals(0.0, outcome.share()));
    }

    @Test
    void csvHasOneLinePerStepAndOutcome() {
        String csv = Funnel.of("a", "f", "t", "", "", "", COUNTS).csv();

        assertEquals("kind,name,count,drop_off,rate", csv.lines().findFirst().orElseThrow());
        assertEquals(1 + 6 + 6, csv.lines().count());
        assertEquals(true, csv.contains("step,MATCHED,8,2,0.8\n"));
        assertEquals(true, csv.contains("outcome,BLOCKED,2,,0.2\n"));
    }
}
