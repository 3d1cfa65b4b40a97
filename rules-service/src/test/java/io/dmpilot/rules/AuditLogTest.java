package io.dmpilot.rules;

import static io.dmpilot.testing.OperatorKeys.as;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dmpilot.kit.auth.ApiKey;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changes over REST land in the agency's audit log with who, what and the object before and after; the log is
 * its admin's (and the superadmin's) alone, and a key's entry never holds its secret.
 */
@QuarkusTest
@WithTestResource(TestServices.class)
class AuditLogTest {
    private final String agency = "agency-" + UUID.randomUUID();

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountChanges")
    void anAccountChangeIsAuditedWithTheAccountBeforeAndAfter(
            String action, Map<String, Object> body, String field, Object before, Object after) {
        String admin = issue(agency, "admin");
        String account = createAccount(admin);
        as(admin)
                .contentType("application/json")
                .body(body)
                .put("/accounts/{id}/" + action, account)
                .then()
                .statusCode(200);

        as(admin)
                .get("/agencies/{a}/audit?entity=account", agency)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].action", equalTo(action))
                .body("[0].entityId", equalTo(account))
                .body("[0].principal", equalTo("key:" + prefix(admin)))
                .body("[0].callerAgencyId", equalTo(agency))
                .body("[0].before." + field, equalTo(before))
                .body("[0].after." + field, equalTo(after))
                .body("[1].action", equalTo("create"))
                .body("[1].before", nullValue())
                .body("[1].after.templates.FALLBACK", equalTo("您好"));
    }

    /** action (the path under the account), body, the view's field that changes, its value before and after */
    static Stream<Arguments> accountChanges() {
        return Stream.of(
                Arguments.of("crisis", Map.of("enabled", true), "crisisMode", false, true),
                Arguments.of("semantic-threshold", Map.of("threshold", 0.75), "semanticThreshold", null, 0.75f));
    }

    @Test
    void aRuleChangeIsAuditedUnderItsAccountsAgency() {
        String account = createAccount(issue(agency, "admin"));
        Map<String, Object> rule = Map.of(
                "matchMode", "ANY_OF", "keywords", List.of("价格"), "scenario", "FALLBACK", "templateText", "价格回复");
        long ruleId = RulesApi.createRule(account, rule);
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of(
                        "matchMode",
                        "ANY_OF",
                        "keywords",
                        List.of("多少钱"),
                        "scenario",
                        "FALLBACK",
                        "templateText",
                        "价格回复"))
                .put("/accounts/{id}/rules/{r}", account, ruleId)
                .then()
                .statusCode(200);

        asSuperadmin()
                .get("/agencies/{a}/audit?entity=keyword-rule", agency)
                .then()
                .statusCode(200)
                .body("entityId", equalTo(List.of(String.valueOf(ruleId), String.valueOf(ruleId))))
                .body("action", equalTo(List.of("update", "create")))
                .body("[0].principal", equalTo("key:local"))
                .body("[0].callerAgencyId", nullValue())
                .body("[0].before.keywords", equalTo(List.of("价格")))
                .body("[0].after.keywords", equalTo(List.of("多少钱")));
    }

    @Test
    void issuingAndRevokingAKeyAreAuditedWithoutItsSecret() {
        String viewer = issue(agency, "viewer");
        ApiKey parsed = ApiKey.parse(viewer).orElseThrow();
        asSuperadmin()
                .delete("/agencies/{a}/keys/{p}", agency, parsed.prefix())
                .then()
                .statusCode(204);

        String answer = asSuperadmin()
                .get("/agencies/{a}/audit?entity=api-key", agency)
                .then()
                .statusCode(200)
                .body("entityId", everyItem(equalTo(parsed.prefix())))
                .body("action", equalTo(List.of("revoke", "issue")))
                .body("[0].before.revoked", equalTo(false))
                .body("[0].after.revoked", equalTo(true))
                .body("[1].after.role", equalTo("viewer"))
                .extract()
                .asString();
        assertFalse(answer.contains(parsed.secret()), "the audit holds a key's secret");
        assertFalse(answer.contains(parsed.secretHash()), "the audit holds a key's hash");
    }

    @Test
    void theAuditIsForTheAgencysAdminOnly() {
        String otherAgency = "agency-" + UUID.randomUUID();
        createAccount(issue(agency, "admin"));

        as(issue(otherAgency, "admin"))
                .get("/agencies/{a}/audit", agency)
                .then()
                .statusCode(404);
        as(issue(agency, "operator")).get("/agencies/{a}/audit", agency).then().statusCode(403);
        as(issue(agency, "viewer")).get("/agencies/{a}/audit", agency).then().statusCode(403);
        asSuperadmin()
                .get("/agencies/{a}/audit", agency)
                .then()
                .statusCode(200)
                .body("entity", org.hamcrest.Matchers.hasItem("account"));
    }

    @Test
    void sinceAndPagingNarrowTheLog() {
        createAccount(issue(agency, "admin"));
        String later = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        asSuperadmin()
                .get("/agencies/{a}/audit?since={s}", agency, later)
                .then()
                .statusCode(200)
                .body("", empty());
        asSuperadmin()
                .get("/agencies/{a}/audit?size=1&page=1", agency)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].action", equalTo("issue"));
        asSuperadmin()
                .get("/agencies/{a}/audit?since=yesterday", agency)
                .then()
                .statusCode(400)
                .body("field", equalTo("since"));
    }

    private String createAccount(String key) {
        String account = "acct-" + UUID.randomUUID();
        as(key).contentType("application/json")
                .body(Map.of("openId", account, "agencyId", agency, "name", "店", "tier", "BASIC", "fixedReply", "您好"))
                .post("/accounts")
                .then()
                .statusCode(201);
        return account;
    }

    static String issue(String agency, String role) {
        return asSuperadmin()
                .contentType("application/json")
                .body(Map.of("role", role, "name", "audit " + role))
                .post("/agencies/{a}/keys", agency)
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    private static String prefix(String key) {
        return ApiKey.parse(key).orElseThrow().prefix();
    }
}
