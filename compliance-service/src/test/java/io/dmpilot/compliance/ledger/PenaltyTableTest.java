package io.dmpilot.compliance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.compliance.ledger.PenaltyTable.Penalty;
import io.dmpilot.compliance.ledger.PenaltyTable.Risk;
import io.dmpilot.contracts.LexiconCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PenaltyTableTest {
    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
        "DIVERSION, 0, NONE, NONE",
        "DIVERSION, 1, FEATURE_OFF_7_DAYS, MEDIUM",
        "DIVERSION, 2, FEATURE_OFF_30_DAYS, HIGH",
        "DIVERSION, 9, FEATURE_OFF_30_DAYS, HIGH",
        "EXTREME_ADVERTISING, 1, WARNING, LOW",
        "EXTREME_ADVERTISING, 2, DEMOTION, HIGH",
        "REGULATED, 1, WARNING, LOW",
        "REGULATED, 3, DEMOTION, HIGH",
        "HARASSMENT, 1, LIMIT, MEDIUM",
        "HARASSMENT, 2, BAN, CRITICAL",
    })
    void offencesClimbThePlatformsLadder(LexiconCategory category, long count, Penalty penalty, Risk risk) {
        assertEquals(penalty, PenaltyTable.penaltyAt(category, count));
        assertEquals(risk, PenaltyTable.riskOf(penalty));
    }
}
