package io.dmpilot.dispatch.degrade;

import static io.dmpilot.dispatch.degrade.DegradeLevel.ADVANCED;
import static io.dmpilot.dispatch.degrade.DegradeLevel.BASIC;
import static io.dmpilot.dispatch.degrade.DegradeLevel.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.contracts.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DegradePolicyTest {
    /** ADVANCED at 100/s or 1,000 behind; BASIC at 300/s or 5,000 behind; back below 70 %, after 10 s held. */
    private static final DegradePolicy POLICY = new DegradePolicy(
            new DegradePolicy.Thresholds(100, 1_000), new DegradePolicy.Thresholds(300, 5_000), 0.7, 10_000);

    @ParameterizedTest(name = "{0} at {1}/s, lag {2}, held {3} ms → {4}")
    @CsvSource({
        // calm stays calm
        "NORMAL,   0,     0,     0,      NORMAL",
        "NORMAL,   99.9,  999,   0,      NORMAL",
        // either signal alone is enough to degrade, at once, whatever the hold
        "NORMAL,   100,   0,     0,      ADVANCED",
        "NORMAL,   0,     1000,  0,      ADVANCED",
        "NORMAL,   300,   0,     0,      BASIC",
        "NORMAL,   0,     5000,  0,      BASIC",
        "ADVANCED, 0,     5000,  0,      BASIC",
        "ADVANCED, 250,   0,     0,      ADVANCED",
        // hysteresis: between 70 % and 100 % of the level's threshold the level holds
        "ADVANCED, 80,    0,     60000,  ADVANCED",
        "ADVANCED, 0,     800,   60000,  ADVANCED",
        "BASIC,    250,   0,     60000,  BASIC",
        "BASIC,    0,     4000,  60000,  BASIC",
        // below 70 % on both signals, after the hold, one level down
        "ADVANCED, 69,    699,   10000,  NORMAL",
        "BASIC,    209,   3499,  10000,  ADVANCED",
        "BASIC,    0,     0,     10000,  ADVANCED",
        // not before the hold
        "ADVANCED, 0,     0,     9999,   ADVANCED",
        "BASIC,    0,     0,     9999,   BASIC",
        // one signal still high keeps the level
        "ADVANCED, 0,     700,   60000,  ADVANCED",
        "ADVANCED, 70,    0,     60000,  ADVANCED",
    })
    void nextLevel(DegradeLevel current, double rate, long lag, long held, DegradeLevel expected) {
        assertEquals(expected, POLICY.next(current, new DegradePolicy.Load(rate, lag), held));
    }

    @Test
    void loadFallingStepsDownOneLevelPerHold() {
        DegradePolicy.Load calm = new DegradePolicy.Load(0, 0);
        DegradeLevel level = POLICY.next(NORMAL, new DegradePolicy.Load(1_000, 50_000), 0);
        assertEquals(BASIC, level);
        level = POLICY.next(level, calm, 10_000);
        assertEquals(ADVANCED, level);
        assertEquals(ADVANCED, POLICY.next(level, calm, 0), "a fresh level holds");
        assertEquals(NORMAL, POLICY.next(level, calm, 10_000));
    }

    @ParameterizedTest(name = "{0}: {1} charged as {2}")
    @CsvSource({
        "NORMAL,   CUSTOM,   CUSTOM",
        "NORMAL,   ADVANCED, ADVANCED",
        "NORMAL,   BASIC,    BASIC",
        "ADVANCED, CUSTOM,   ADVANCED",
        "ADVANCED, ADVANCED, ADVANCED",
        "ADVANCED, BASIC,    BASIC",
        "BASIC,    CUSTOM,   BASIC",
        "BASIC,    ADVANCED, ADVANCED",
        "BASIC,    BASIC,    BASIC",
    })
    void onlyCustomRepliesAreChargedAgainstACheaperTier(DegradeLevel level, Tier tier, Tier charged) {
        assertEquals(charged, level.charge(tier));
    }

    @Test
    void recoverRatioMustBeAFraction() {
        DegradePolicy.Thresholds t = new DegradePolicy.Thresholds(1, 1);
        assertThrows(IllegalArgumentException.class, () -> new DegradePolicy(t, t, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DegradePolicy(t, t, 1.5, 0));
    }
}
