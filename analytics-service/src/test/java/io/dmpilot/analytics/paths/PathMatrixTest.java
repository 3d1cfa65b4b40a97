package io.dmpilot.analytics.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathMatrixTest {
    @Test
    void transitionsLandInTheirRowAndColumnAndUnknownScenariosAreLeftOut() {
        PathMatrix paths = PathMatrix.of(
                "a",
                "f",
                "t",
                List.of(
                        new PathMatrix.Transition("WELCOME", "PRODUCT_INQUIRY", 3),
                        new PathMatrix.Transition("PRODUCT_INQUIRY", "AFTER_SALES", 2),
                        new PathMatrix.Transition("PRODUCT_INQUIRY", "PRODUCT_INQUIRY", 1),
                        new PathMatrix.Transition("RETIRED_SCENARIO", "WELCOME", 9)));

        assertEquals(Scenario.values().length, paths.scenarios().size());
        assertArrayEquals(new long[] {1, 2, 0, 0, 0, 0}, paths.matrix()[Scenario.PRODUCT_INQUIRY.ordinal()]);
        assertArrayEquals(new long[] {3, 0, 0, 0, 0, 0}, paths.matrix()[Scenario.WELCOME.ordinal()]);
        assertEquals(3, paths.transitions().size());
    }

    @Test
    void csvIsTheMatrixWithScenarioHeaders() {
        String csv = PathMatrix.of("a", "f", "t", List.of(new PathMatrix.Transition("WELCOME", "AFTER_SALES", 4)))
                .csv();

        assertEquals(
                "from\\to,PRODUCT_INQUIRY,AFTER_SALES,WELCOME,OFF_HOURS,CRISIS,FALLBACK",
                csv.lines().findFirst().orElseThrow());
        assertEquals(true, csv.contains("\nWELCOME,0,4,0,0,0,0\n"));
    }
}
