package io.dmpilot.analytics.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.testing.Endpoint;
import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.OperatorKeys;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * analytics-service's access matrix over every endpoint it serves: all are reads, open to viewers, each of one
 * account and so for the account's agency only. rules-service does not run here: accounts are placed in the
 * account directory through its own API, as its start-up load and change consumer would.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class AnalyticsAccessMatrixTest extends OperatorAccessMatrix {
    @Inject
    AccountDirectory directory;

    @Override
    protected boolean agencyScoped(Endpoint endpoint) {
        return endpoint.path().startsWith("/analytics/accounts/{accountOpenId}");
    }

    @Override
    protected Map<String, String> agencyBObjects() {
        return Map.of("accountOpenId", account(AGENCY_B));
    }

    @Override
    protected Map<String, String> agencyAObjects() {
        return Map.of("accountOpenId", account(AGENCY_A));
    }

    @Test
    void anotherAgencysAccountAnswersExactlyLikeAMissingOne() {
        String viewer = issue(AGENCY_A, Roles.VIEWER);
        String foreign = account(AGENCY_B);
        String missing = "matrix-" + UUID.randomUUID();

        String foreignAnswer = funnel(viewer, foreign);
        String missingAnswer = funnel(viewer, missing);

        assertEquals(missingAnswer.replace(missing, "<id>"), foreignAnswer.replace(foreign, "<id>"));
    }

    private static String funnel(String key, String account) {
        return OperatorKeys.as(key)
                .get("/analytics/accounts/{id}/funnel", account)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
    }

    private String account(String agency) {
        String openId = "matrix-" + UUID.randomUUID();
        directory.put(new KnownAccount(openId, agency));
        return openId;
    }
}
