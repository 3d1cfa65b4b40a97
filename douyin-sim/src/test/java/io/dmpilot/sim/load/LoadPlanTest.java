package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.kit.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadPlanTest {
    private static final LoadPlan EMPTY =
            new LoadPlan(null, null, null, null, null, null, null, null, null, null, null);

    @Test
    void anEmptyPlanIsASmallSmokeRun() {
        LoadPlan plan = EMPTY.validated();
        assertEquals(20, plan.accounts());
        assertEquals(List.of(50), plan.rates());
        assertEquals(1_000, plan.totalMessages());
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
        "accounts, 0",
        "accounts, 10001",
        "usersPerAccount, 0",
        "rates, 0",
        "rates, 5001",
        "stepSeconds, 0",
        "advancedPercent, 101",
        "customPercent, -1",
        "blockedAccountsPercent, 101",
        "messagesPerConversation, 4",
        "hostilePercent, 101",
        "drainSeconds, 0"
    })
    void aBadFieldIsA400NamingIt(String field, int value) {
        LoadPlan plan = new LoadPlan(
                field.equals("accounts") ? value : null,
                field.equals("usersPerAccount") ? value : null,
                field.equals("rates") ? List.of(value) : null,
                field.equals("stepSeconds") ? value : null,
                field.equals("advancedPercent") ? value : null,
                field.equals("customPercent") ? value : null,
                field.equals("blockedAccountsPercent") ? value : null,
                field.equals("messagesPerConversation") ? value : null,
                field.equals("hostilePercent") ? value : null,
                field.equals("drainSeconds") ? value : null,
                null);
        ProblemException problem = assertThrows(ProblemException.class, plan::validated);
        assertEquals(400, problem.problem().status());
        assertEquals(true, problem.getMessage().contains(field), problem.getMessage());
    }

    @Test
    void tierSharesMayNotExceedTheWhole() {
        LoadPlan plan = new LoadPlan(null, null, null, null, 60, 50, null, null, null, null, null);
        assertThrows(ProblemException.class, plan::validated);
    }
}
