package io.dmpilot.compliance.access;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;

import io.dmpilot.testing.Endpoint;
import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;

/**
 * compliance-service's access matrix over every endpoint it serves: lexicons, policies, risk and checks are
 * for operators. Lexicon terms carry their agency, so another agency's term answers 404.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class ComplianceAccessMatrixTest extends OperatorAccessMatrix {
    @Override
    protected boolean agencyScoped(Endpoint endpoint) {
        return endpoint.path().equals("/lexicons/terms/{id}");
    }

    /** A valid change of one's own term, so the refusal is about the term's agency. */
    @Override
    protected Object body(Endpoint endpoint) {
        return Map.of("agencyId", AGENCY_A, "category", "HARASSMENT", "term", "矩阵" + UUID.randomUUID());
    }

    /** A term of agency B's own lexicon. */
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
        return Map.of("id", id);
    }
}
