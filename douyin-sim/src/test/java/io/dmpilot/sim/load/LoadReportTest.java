package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Tier;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {
    private static LoadStatus status(boolean passed, Map<String, Long> lag) {
        LoadPlan plan = new LoadPlan(100, 10, List.of(100, 500), 60, 30, 10, 5, 2, 5, 60, 1L).validated();
        return new LoadStatus(
                "load-1",
                passed ? LoadRun.Phase.DONE : LoadRun.Phase.FAILED,
                plan,
                100,
                36_000,
                36_000,
                36_000,
                Map.of("accepted", 36_000L),
                Map.of("SENT", 30_000L, "BLOCKED", 6_000L),
                1_800,
                Map.of("replay → duplicate", 360L, "truncated → http-400", 1_440L),
                List.of(
                        new LoadStatus.StepFigures(100, 5_000, 12.5, 20, 35.25, 50, 80, 14, 0.3, lag),
                        new LoadStatus.StepFigures(500, 25_000, 15, 30, 90, 150, 400, 18, 2, Map.of())),
                new LoadStatus.Check(
                        36_000, 0, 0, 0, 0, 0, 0, new EnumMap<>(Map.of(Tier.BASIC, 61, Tier.CUSTOM, 20)), 0, passed),
                passed ? null : "java.lang.IllegalStateException: boom",
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void aRowPerRateStepWithItsPercentilesAndWorstLag() {
        String md = status(true, Map.of("dmpilot-rules", 12L, "dmpilot-dispatch", 340L))
                .toString();
        String report = LoadReport.markdown(status(true, Map.of("dmpilot-rules", 12L, "dmpilot-dispatch", 340L)));
        assertTrue(
                report.contains(
                        "| 100 | 5000 | 12.5 | 20.0 | 35.3 | 50.0 | 80.0 | 14.0 | 0.3 | dmpilot-dispatch 340 |"),
                report);
        assertTrue(report.contains("| 500 | 25000 | 15.0 | 30.0 | 90.0 | 150.0 | 400.0 | 18.0 | 2.0 | – |"), report);
        assertTrue(report.contains("Terminal outcomes: BLOCKED 6000, SENT 30000"), report);
        assertTrue(
                report.contains(
                        "0 accounts over their tier's replies per minute (busiest minute by admission: BASIC 61/100, "
                                + "CUSTOM 20/20), 0 replies sent without a quota admission"),
                report);
        assertTrue(report.contains("**passed**"), report);
        assertTrue(
                report.contains(
                        "Hostile requests (1800), by kind → answer: replay → duplicate 360, truncated → http-400 1440"),
                report);
    }

    @Test
    void aFailedRunSaysSoAndWhy() {
        String report = LoadReport.markdown(status(false, Map.of()));
        assertTrue(report.contains("**FAILED**"), report);
        assertTrue(report.contains("boom"), report);
    }
}
