package io.dmpilot.rules.access;

import static io.dmpilot.testing.OperatorKeys.as;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dmpilot.kit.auth.ApiKey;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An agency's members over REST, against the real PostgreSQL and Redis: managed by the agency's admin, their
 * keys capped by and following their role, revoked with them, every change audited; another agency's member is
 * a 404.
 */
@QuarkusTest
@WithTestResource(TestServices.class)
class AgencyMembersTest {
    private final String agency = "agency-" + UUID.randomUUID();
    /** The agency of each key {@link #key} issued. */
    private final Map<String, String> agencies = new HashMap<>();

    @Test
    void anAdminAddsListsReadsChangesAndRemovesMembers() {
        String admin = key(agency, "admin");
        String id = addMember(admin, Map.of("name", " 小王 ", "email", "wang@example.com", "role", "operator"));

        as(admin)
                .get("/agencies/{a}/members/{m}", agency, id)
                .then()
                .statusCode(200)
                .body("name", equalTo("小王"))
                .body("email", equalTo("wang@example.com"))
                .body("role", equalTo("operator"))
                .body("agencyId", equalTo(agency));
        as(admin).get("/agencies/{a}/members", agency).then().statusCode(200).body("id", hasItem(id));

        patch(admin, id, Map.of("name", "王经理", "email", ""))
                .then()
                .statusCode(200)
                .body("name", equalTo("王经理"))
                .body("email", nullValue())
                .body("role", equalTo("operator"));

        as(admin).delete("/agencies/{a}/members/{m}", agency, id).then().statusCode(204);
        as(admin).get("/agencies/{a}/members/{m}", agency, id).then().statusCode(404);
        as(admin).get("/agencies/{a}/members", agency).then().statusCode(200).body("id", not(hasItem(id)));

        as(admin)
                .get("/agencies/{a}/audit?entity=member", agency)
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("delete", "update", "create")))
                .body("[0].before.name", equalTo("王经理"))
                .body("[0].after", nullValue())
                .body("[1].before.email", equalTo("wang@example.com"))
                .body("[1].after.email", nullValue())
                .body("[2].before", nullValue())
                .body("[2].after.role", equalTo("operator"))
                .body(
                        "[2].principal",
                        equalTo("key:" + ApiKey.parse(admin).orElseThrow().prefix()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMembers")
    void badInputIsRefusedNamingTheField(String field, Map<String, Object> body) {
        asSuperadmin()
                .contentType("application/json")
                .body(body)
                .post("/agencies/{a}/members", agency)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
    }

    static Stream<Arguments> badMembers() {
        return Stream.of(
                Arguments.of("name", Map.of("role", "viewer")),
                Arguments.of("name", Map.of("name", "x".repeat(101), "role", "viewer")),
                Arguments.of("role", Map.of("name", "甲")),
                Arguments.of("role", Map.of("name", "甲", "role", "superadmin")),
                Arguments.of("email", Map.of("name", "甲", "role", "viewer", "email", "not-an-address")));
    }

    @Test
    void anotherAgencysMemberAnswersLikeAMissingOne() {
        String other = "agency-" + UUID.randomUUID();
        String foreign = addMember(key(other, "admin"), Map.of("name", "乙", "role", "viewer"));
        String admin = key(agency, "admin");

        String foreignAnswer = as(admin)
                .get("/agencies/{a}/members/{m}", other, foreign)
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        String missingAnswer = asSuperadmin()
                .get("/agencies/{a}/members/{m}", other, "999999999")
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        assertEquals(missingAnswer.replace("999999999", foreign), foreignAnswer);

        // under its own agency's path, the other agency's member is no member at all
        as(admin).get("/agencies/{a}/members/{m}", agency, foreign).then().statusCode(404);
        patch(admin, foreign, Map.of("role", "admin")).then().statusCode(404);
        as(admin).delete("/agencies/{a}/members/{m}", agency, foreign).then().statusCode(404);
        issue(admin, agency, Map.of("member", foreign)).then().statusCode(400).body("field", equalTo("member"));
        as(admin).get("/agencies/{a}/members", other).then().statusCode(404);
        as(key(agency, "operator")).get("/agencies/{a}/members", agency).then().statusCode(403);
    }

    @Test
    void aMembersKeysCarryItsRoleAndFollowItsChanges() {
        String admin = key(agency, "admin");
        String member = addMember(admin, Map.of("name", "丙", "role", "operator"));

        String full = issue(admin, agency, Map.of("member", member, "name", "丙的键"))
                .then()
                .statusCode(201)
                .body("details.role", equalTo("operator"))
                .body("details.member", equalTo(member))
                .extract()
                .path("key");
        String narrow = issued(issue(admin, agency, Map.of("member", member, "role", "viewer")));
        issue(admin, agency, Map.of("member", member, "role", "admin"))
                .then()
                .statusCode(400)
                .body("field", equalTo("role"));

        as(full).get("/accounts").then().statusCode(200);
        as(full).get("/agencies/{a}/keys", agency).then().statusCode(403);

        patch(admin, member, Map.of("role", "admin")).then().statusCode(200);
        as(full).get("/agencies/{a}/keys", agency).then().statusCode(200);
        as(narrow).get("/accounts").then().statusCode(403);

        patch(admin, member, Map.of("role", "viewer")).then().statusCode(200);
        as(full).get("/accounts").then().statusCode(403);
        as(admin)
                .get("/agencies/{a}/keys", agency)
                .then()
                .body("find { it.prefix == '" + prefix(full) + "' }.role", equalTo("viewer"))
                .body("find { it.prefix == '" + prefix(narrow) + "' }.role", equalTo("viewer"));
        as(admin)
                .get("/agencies/{a}/audit?entity=api-key", agency)
                .then()
                .body("find { it.action == 'role' }.entityId", equalTo(prefix(full)));
    }

    @Test
    void removingAMemberRevokesItsKeysAndLeavesTheAgencysOwnKeys() {
        String admin = key(agency, "admin");
        String member = addMember(admin, Map.of("name", "丁", "role", "operator"));
        String first = issued(issue(admin, agency, Map.of("member", member)));
        String second = issued(issue(admin, agency, Map.of("member", member, "expiresInDays", 30)));
        as(first).get("/accounts").then().statusCode(200);

        as(admin).delete("/agencies/{a}/members/{m}", agency, member).then().statusCode(204);

        as(first).get("/accounts").then().statusCode(401);
        as(second).get("/accounts").then().statusCode(401);
        as(admin).get("/accounts").then().statusCode(200);
        as(admin)
                .get("/agencies/{a}/keys", agency)
                .then()
                .body("find { it.prefix == '" + prefix(first) + "' }.revoked", equalTo(true))
                .body("find { it.prefix == '" + prefix(second) + "' }.revoked", equalTo(true));
        String audit = as(admin).get("/agencies/{a}/audit", agency).asString();
        for (String key : new String[] {first, second}) {
            ApiKey parsed = ApiKey.parse(key).orElseThrow();
            assertFalse(audit.contains(parsed.secret()), "the audit holds a key's secret");
            assertFalse(audit.contains(parsed.secretHash()), "the audit holds a key's hash");
        }
    }

    /** A member of the admin key's agency. */
    private String addMember(String admin, Map<String, Object> body) {
        return as(admin)
                .contentType("application/json")
                .body(body)
                .post("/agencies/{a}/members", agencies.get(admin))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Response patch(String admin, String member, Map<String, Object> body) {
        return as(admin).contentType("application/json").body(body).patch("/agencies/{a}/members/{m}", agency, member);
    }

    private static Response issue(String admin, String agency, Map<String, Object> body) {
        return as(admin).contentType("application/json").body(body).post("/agencies/{a}/keys", agency);
    }

    private static String issued(Response response) {
        return response.then().statusCode(201).extract().path("key");
    }

    private String key(String agency, String role) {
        String key = issued(asSuperadmin()
                .contentType("application/json")
                .body(Map.of("role", role, "name", "members " + role))
                .post("/agencies/{a}/keys", agency));
        agencies.put(key, agency);
        return key;
    }

    private static String prefix(String key) {
        return ApiKey.parse(key).orElseThrow().prefix();
    }
}
