package io.dmpilot.rules.access;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;

import io.dmpilot.testing.Endpoint;
import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * rules-service's access matrix over every endpoint it serves. Its objects are accounts (and what hangs off
 * them) and agencies' keys and members, so every endpoint under an account or an agency is checked for
 * isolation. The services' key reads accounts here, and nothing else.
 */
@QuarkusTest
@WithTestResource(TestServices.class)
class RulesAccessMatrixTest extends OperatorAccessMatrix {
    private static final Map<String, Object> RULE =
            Map.of("matchMode", "ANY_OF", "keywords", List.of("价格"), "scenario", "FALLBACK", "templateText", "关键词回复");
    private static final Map<String, Object> INTENT =
            Map.of("scenario", "AFTER_SALES", "examples", List.of("快递丢了"), "templateText", "抱歉");

    /** Valid bodies, so a refusal is about the agency and not about the body. */
    private static final Map<String, Object> BODIES = Map.of(
            "POST /accounts/{openId}/rules", RULE,
            "PUT /accounts/{openId}/rules/{ruleId}", RULE,
            "POST /accounts/{openId}/intents", INTENT,
            "PUT /accounts/{openId}/intents/{intentId}", INTENT,
            "PUT /accounts/{openId}/templates/{scenario}", Map.of("text", "新模板"),
            "PUT /accounts/{openId}/templates/{scenario}/variants",
                    Map.of("variants", List.of(Map.of("name", "a", "text", "甲", "weight", 1))),
            "PUT /accounts/{openId}/business-hours",
                    Map.of("timeZone", "Asia/Shanghai", "opensAt", "09:00", "closesAt", "18:00"),
            "PUT /accounts/{openId}/crisis", Map.of("enabled", true),
            "PUT /accounts/{openId}/semantic-threshold", Map.of("threshold", 0.7),
            "POST /agencies/{agencyId}/keys", Map.of("role", "viewer", "name", "probe"));

    private static final Map<String, Object> MEMBER_BODIES = Map.of(
            "POST /agencies/{agencyId}/members", Map.of("name", "探针", "role", "viewer"),
            "PATCH /agencies/{agencyId}/members/{memberId}", Map.of("name", "改名"));

    /** rules-service serves the account reads the platform's services make with their key. */
    private static final Set<String> SERVICE_READS = Set.of("GET /accounts", "GET /accounts/{openId}");

    @Override
    protected boolean agencyScoped(Endpoint endpoint) {
        return endpoint.path().startsWith("/accounts/{openId}")
                || endpoint.path().startsWith("/agencies/");
    }

    @Override
    protected boolean serviceMay(Endpoint endpoint) {
        return SERVICE_READS.contains(endpoint.toString().replaceAll("/$", ""));
    }

    @Override
    protected Object body(Endpoint endpoint) {
        return BODIES.getOrDefault(endpoint.toString(), MEMBER_BODIES.getOrDefault(endpoint.toString(), Map.of()));
    }

    /** An account of agency B with a rule and an intent, and one of B's keys. */
    @Override
    protected Map<String, String> agencyBObjects() {
        String account = "matrix-" + UUID.randomUUID();
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of(
                        "openId", account, "agencyId", AGENCY_B, "name", "B 店", "tier", "CUSTOM", "fixedReply", "您好"))
                .post("/accounts")
                .then()
                .statusCode(201);
        String rule = created("/accounts/{id}/rules", account, RULE);
        String intent = created("/accounts/{id}/intents", account, INTENT);
        String key = issue(AGENCY_B, "viewer").split("_")[1];
        String member = asSuperadmin()
                .contentType("application/json")
                .body(Map.of("name", "B 的成员", "role", "operator"))
                .post("/agencies/{a}/members", AGENCY_B)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return Map.of(
                "openId", account,
                "ruleId", rule,
                "intentId", intent,
                "scenario", "PRODUCT_INQUIRY",
                "agencyId", AGENCY_B,
                "prefix", key,
                "memberId", member);
    }

    private static String created(String path, String account, Object body) {
        return asSuperadmin()
                .contentType("application/json")
                .body(body)
                .post(path, account)
                .then()
                .statusCode(201)
                .extract()
                .path("id")
                .toString();
    }
}
