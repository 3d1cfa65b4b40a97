package io.dmpilot.rules.limits;

import static io.dmpilot.testing.OperatorKeys.as;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A body over the service's limit is refused with 413, and a key past its request budget with 429 and
 * Retry-After, both as problem JSON. The budget is small here (3 a minute) so the test does not race a clock.
 */
@QuarkusTest
@TestProfile(RequestLimitsTest.SmallBudget.class)
@WithTestResource(TestServices.class)
class RequestLimitsTest {
    static final int BUDGET = 3;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dmpilot.auth.rate-limit.requests", String.valueOf(BUDGET),
                    "dmpilot.auth.rate-limit.window", "1m",
                    "dmpilot.rules.semantic.preload", "false");
        }
    }

    @Inject
    ApiKeyStore keys;

    @Test
    void aBodyOverTheLimitIs413ProblemJson() {
        String huge = "字".repeat(100_000); // 300 KB of UTF-8, over the 256K limit
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("openId", "acct-" + UUID.randomUUID(), "agencyId", "a", "name", huge))
                .post("/accounts")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
    }

    @Test
    void aKeyPastItsBudgetIs429WithRetryAfterAndOtherKeysGoOn() {
        String operator = issue("operator");
        for (int i = 0; i < BUDGET; i++) {
            as(operator).get("/accounts").then().statusCode(200);
        }
        String retryAfter = as(operator)
                .get("/accounts")
                .then()
                .statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429))
                .extract()
                .header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After within the 1-minute window: " + retryAfter);

        as(issue("operator")).get("/accounts").then().statusCode(200);
    }

    @Test
    void theBootstrapKeyIsNotLimited() {
        for (int i = 0; i < BUDGET * 3; i++) {
            asSuperadmin().get("/accounts").then().statusCode(200);
        }
    }

    /** The budget is spent after the role check: calls refused with 403 do not count. */
    @Test
    void refusedCallsSpendNothing() {
        String operator = issue("operator");
        for (int i = 0; i < BUDGET * 2; i++) {
            as(operator).get("/agencies/{a}/keys", "any").then().statusCode(403);
        }
        as(operator).get("/accounts").then().statusCode(200);
    }

    private String issue(String role) {
        return keys.issue("agency-" + UUID.randomUUID(), role, "limits")
                .await()
                .indefinitely()
                .key()
                .value();
    }
}
