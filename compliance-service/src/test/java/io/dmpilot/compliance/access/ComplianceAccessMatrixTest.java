package io.dmpilot.compliance.access;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;

import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.dmpilot.testing.Endpoint;
import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * compliance-service's access matrix over every endpoint it serves: lexicons, policies, risk and checks are
 * for operators. Lexicon terms carry their agency, and an account's policy and risk belong to the account's
 * agency, so another agency's term or account answers 404. rules-service does not run here: accounts are
 * placed in the account directory through its own API, as its start-up load and change consumer would.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class ComplianceAccessMatrixTest extends OperatorAccessMatrix {
    private static final String POLICY = "PUT /compliance/accounts/{openId}/policy";

    @Inject
    AccountDirectory directory;

    @Override
    protected boolean agencyScoped(Endpoint endpoint) {
        return endpoint.path().equals("/lexicons/terms/{id}")
                || endpoint.path().startsWith("/compliance/accounts/{openId}");
    }

    /** Valid changes of one's own term or account, so the refusal is about the agency. */
    @Override
    protected Object body(Endpoint endpoint) {
        if (endpoint.toString().equals(POLICY)) {
            return Map.of("qualifications", List.of("medical"), "handoffReasons", List.of("CRISIS"));
        }
        return Map.of("agencyId", AGENCY_A, "category", "HARASSMENT", "term", "矩阵" + UUID.randomUUID());
    }

    /** The account endpoints answer on one's own account; one's own terms are LexiconResourceTest's. */
    @Override
    protected boolean answersOwnObjects(Endpoint endpoint) {
        return endpoint.path().startsWith("/compliance/accounts/{openId}");
    }

    /** A term of agency B's own lexicon, and an account of agency B. */
    @Override
    protected Map<String, String> agencyBObjects() {
        String id = asSuperadmin()
                .contentType("application/json")
                .body(Map.of("agencyId", AGENCY_B, "category", "HARASSMENT", "term", "矩阵" + UUID.randomUUID()))
                .post("/lexicons/terms")
                .then()
                .statusCode(201)
                .extract()
                .path("id")
                .toString();
        return Map.of("id", id, "openId", account(AGENCY_B));
    }

    /** Term 1 is in the global lexicon (its changes are the superadmin's: 403); no term has this id. */
    @Override
    protected Map<String, String> missingObjects() {
        return Map.of("id", Long.toString(Integer.MAX_VALUE));
    }

    @Override
    protected Map<String, String> agencyAObjects() {
        return Map.of("openId", account(AGENCY_A));
    }

    private String account(String agency) {
        String openId = "matrix-" + UUID.randomUUID();
        directory.put(new KnownAccount(openId, agency));
        return openId;
    }
}
