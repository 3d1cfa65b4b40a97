package io.dmpilot.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.contracts.Tier;
import io.dmpilot.kit.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticThresholdRequestTest {
    @ParameterizedTest
    @ValueSource(doubles = {0, -0.0, -0.1, 1.0000001, 2, Double.NaN, Double.POSITIVE_INFINITY})
    void aThresholdNotAboveZeroAndAtMostOneIsRefusedNamingTheField(double threshold) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> new SemanticThresholdRequest(threshold).validate());

        assertEquals("threshold", e.problem().field());
        assertEquals(400, e.problem().status());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0001, 0.5, 0.62, 0.99, 1})
    void aThresholdAboveZeroUpToOneIsAccepted(double threshold) {
        assertDoesNotThrow(() -> new SemanticThresholdRequest(threshold).validate());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1.5, Double.NaN})
    void anAccountRequestWithSuchAThresholdIsRefusedNamingItsField(double threshold) {
        AccountRequest request =
                new AccountRequest("acct-1", "agency-1", "店", Tier.CUSTOM, "您好", null, null, null, threshold);

        ProblemException e = assertThrows(ProblemException.class, request::validate);

        assertEquals("semanticThreshold", e.problem().field());
    }

    @Test
    void noThresholdClearsTheAccountsOwn() {
        assertDoesNotThrow(() -> new SemanticThresholdRequest(null).validate());
    }
}
