package io.dmpilot.analytics.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwoProportionZTestTest {
    @ParameterizedTest
    @CsvSource({
        // conversions A, trials A, conversions B, trials B, z, two-sided p, significant at 0.05
        // (reference values: pooled two-proportion z-test computed with math.erfc in double precision)
        "200, 1000, 250, 1000,  2.677398, 0.00741965, true",
        "100, 1000, 100, 1000,  0.0,      1.0,        false",
        " 30, 1000,  45, 1000,  1.765470, 0.07748487, false",
        "120, 1500,  90, 1500, -2.146694, 0.03181765, true",
        " 10,  100,  20,  100,  1.980295, 0.04767038, true",
        "500, 10000, 570, 10000, 2.199611, 0.02783452, true"
    })
    void zAndPValueMatchTheReferenceValues(
            long xA, long nA, long xB, long nB, double z, double p, boolean significant) {
        TwoProportionZTest.Result result = TwoProportionZTest.test(xA, nA, xB, nB);

        assertEquals(z, result.z(), 1e-5);
        assertEquals(p, result.pValue(), 1e-6);
        assertEquals(significant, result.significant());
        assertEquals((double) xA / nA, result.rateA(), 1e-12);
        assertEquals((double) xB / nB, result.rateB(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 5, 10", "5, 10, 0, 0", "0, 10, 0, 10", "10, 10, 10, 10"})
    void withoutVarianceOrTrialsThereIsNoEvidence(long xA, long nA, long xB, long nB) {
        TwoProportionZTest.Result result = TwoProportionZTest.test(xA, nA, xB, nB);

        assertEquals(0.0, result.z());
        assertEquals(1.0, result.pValue());
        assertEquals(false, result.significant());
    }

    @ParameterizedTest
    @CsvSource({"11, 10, 0, 10", "0, 10, -1, 10"})
    void conversionsOutsideZeroToTrialsAreRejected(long xA, long nA, long xB, long nB) {
        assertThrows(IllegalArgumentException.class, () -> TwoProportionZTest.test(xA, nA, xB, nB));
    }
}
