package io.dmpilot.dispatch.access;

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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * dispatch-service's access matrix over every endpoint it serves: the hand-off queue is for operators, an
 * account's platform credentials for admins, and both for the account's own agency only. rules-service does not
 * run here: accounts are placed in the account directory through its own API, as its start-up load and change
 * consumer would.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class DispatchAccessMatrixTest extends OperatorAccessMatrix {
    private static final String CREDENTIALS = "/dispatch/accounts/{accountOpenId}";
    /** Valid bodies, so a refusal is about the account's agency and not about the body. */
    private static final Map<String, Object> BODIES = Map.of(
            "POST /handoffs/{account}/{conversation}/claim", Map.of("operator", "matrix-operator"),
            "POST /handoffs/{account}/{conversation}/reply", Map.of("operator", "matrix-operator", "text", "您好"),
            "PUT /dispatch/accounts/{accountOpenId}/credentials",
                    Map.of("accessToken", "matrix-access", "refreshToken", "matrix-refresh", "expiresIn", 3600));

    @Inject
    AccountDirectory directory;

    /** The tests' stand-ins for the Douyin platform, served by the test application itself. */
    @Override
    protected Set<String> openEndpoints() {
        return Set.of("POST /im/send/msg", "POST /oauth/refresh_token");
    }

    @Override
    protected boolean agencyScoped(Endpoint endpoint) {
        return endpoint.path().startsWith("/handoffs/{account}")
                || endpoint.path().startsWith(CREDENTIALS);
    }

    /** The queue itself answers 2xx without a conversation in it, and an account's credentials always do. */
    @Override
    protected boolean answersOwnObjects(Endpoint endpoint) {
        return endpoint.toString().equals("GET /handoffs/{account}")
                || endpoint.path().startsWith(CREDENTIALS);
    }

    @Override
    protected Object body(Endpoint endpoint) {
        return BODIES.getOrDefault(endpoint.toString(), Map.of());
    }

    @Override
    protected Map<String, String> agencyBObjects() {
        return accountOf(AGENCY_B);
    }

    @Override
    protected Map<String, String> agencyAObjects() {
        return accountOf(AGENCY_A);
    }

    @Test
    void anOwnAccountsConversationNotQueuedIsAboutTheConversationNotTheAccount() {
        String account = account(AGENCY_A);
        String operator = issue(AGENCY_A, Roles.OPERATOR);

        String detail = OperatorKeys.as(operator)
                .get("/handoffs/{account}/{conversation}", account, "matrix-conversation")
                .then()
                .statusCode(404)
                .extract()
                .path("detail");

        assertEquals("conversation matrix-conversation is not in the hand-off queue", detail);
    }

    /** A conversation not queued is a 404 anyway: the refusal must name the account, not the conversation. */
    @Test
    void anotherAgencysAccountIsRefusedBeforeItsQueueIsRead() {
        String foreign = account(AGENCY_B);
        String agencyAAdmin = issue(AGENCY_A, Roles.ADMIN);
        for (Endpoint endpoint :
                protectedEndpoints().stream().filter(this::agencyScoped).toList()) {
            String detail = call(endpoint, agencyAAdmin, Map.of("account", foreign, "accountOpenId", foreign))
                    .then()
                    .statusCode(404)
                    .extract()
                    .path("detail");
            assertEquals("no account " + foreign, detail, endpoint.toString());
        }
    }

    /** The hand-off queue names its account {@code account}, the credentials {@code accountOpenId}. */
    private Map<String, String> accountOf(String agency) {
        String openId = account(agency);
        return Map.of("account", openId, "accountOpenId", openId);
    }

    private String account(String agency) {
        String openId = "matrix-" + UUID.randomUUID();
        directory.put(new KnownAccount(openId, agency));
        return openId;
    }
}
