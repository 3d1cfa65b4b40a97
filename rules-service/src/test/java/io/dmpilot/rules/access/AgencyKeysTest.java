package io.dmpilot.rules.access;

import static io.dmpilot.testing.OperatorKeys.as;
import static io.dmpilot.testing.OperatorKeys.asService;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.kit.auth.ApiKey;
import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.KeyTerms;
import io.dmpilot.testing.OperatorKeys;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keys over REST, end to end: issued once, used, listed without secrets, revoked, expired; an agency sees and
 * creates only its own accounts; the services' key reads every agency's accounts and nothing else; and no key's
 * secret (nor its hash) ever shows in an answer or in the service's log.
 */
@QuarkusTest
@WithTestResource(TestServices.class)
class AgencyKeysTest {
    /** The service's own log of this test run (application.properties, test profile). */
    private static final Path LOG = Path.of("target/quarkus-test.log");

    private final List<String> answers = new ArrayList<>();

    @Inject
    ApiKeyStore keys;

    @Test
    void anIssuedKeyWorksIsListedWithoutItsSecretAndStopsWhenRevoked() throws IOException {
        String agency = "agency-" + UUID.randomUUID();
        String key = issue(agency, "admin");
        ApiKey parsed = ApiKey.parse(key).orElseThrow();

        String account = "acct-" + UUID.randomUUID();
        keep(createAccount(as(key), account, agency)).then().statusCode(201);
        keep(as(key).get("/accounts/{id}", account)).then().statusCode(200);
        keep(as(key).get("/agencies/{a}/keys", agency))
                .then()
                .statusCode(200)
                .body("prefix", hasItem(parsed.prefix()))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("secretHash")));
        String wrongSecret = "dmp_" + parsed.prefix() + "_" + "x".repeat(43);
        keep(as(wrongSecret).get("/accounts/{id}", account)).then().statusCode(401);

        keep(as(key).delete("/agencies/{a}/keys/{p}", agency, parsed.prefix()))
                .then()
                .statusCode(204);
        keep(as(key).get("/accounts/{id}", account)).then().statusCode(401);
        keep(asSuperadmin().get("/agencies/{a}/keys", agency))
                .then()
                .statusCode(200)
                .body("find { it.prefix == '" + parsed.prefix() + "' }.revoked", equalTo(true));

        assertNeverShown(parsed);
        assertNeverShown(ApiKey.parse(OperatorKeys.LOCAL_BOOTSTRAP).orElseThrow());
    }

    @Test
    void anAgencySeesAndCreatesOnlyItsOwnAccounts() {
        String agencyA = "agency-" + UUID.randomUUID();
        String agencyB = "agency-" + UUID.randomUUID();
        String adminA = issue(agencyA, "admin");
        String accountB = "acct-" + UUID.randomUUID();
        createAccount(asSuperadmin(), accountB, agencyB).then().statusCode(201);

        as(adminA).get("/accounts?size=500").then().statusCode(200).body("openId", not(hasItem(accountB)));
        as(adminA).get("/accounts/{id}", accountB).then().statusCode(404);
        createAccount(as(adminA), "acct-" + UUID.randomUUID(), agencyB)
                .then()
                .statusCode(403)
                .body("field", equalTo("agencyId"));
        as(adminA).get("/agencies/{a}/keys", agencyB).then().statusCode(404);
    }

    @Test
    void anOperatorCannotManageKeysOrCreateAccounts() {
        String agency = "agency-" + UUID.randomUUID();
        String operator = issue(agency, "operator");
        as(operator).get("/agencies/{a}/keys", agency).then().statusCode(403);
        createAccount(as(operator), "acct-" + UUID.randomUUID(), agency).then().statusCode(403);
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("role", "superadmin"))
                .post("/agencies/{a}/keys", agency)
                .then()
                .statusCode(400)
                .body("field", equalTo("role"));
    }

    @Test
    void aKeyThatExpiresIsListedWithItsExpiryAndOnceExpiredIsRefusedLikeAnUnknownKey() {
        String agency = "agency-" + UUID.randomUUID();
        Response issued = keep(asSuperadmin()
                .contentType("application/json")
                .body(Map.of("role", "operator", "name", "thirty days", "expiresInDays", 30))
                .post("/agencies/{a}/keys", agency));
        issued.then().statusCode(201).body("details.expiresAt", notNullValue());
        String key = issued.path("key");
        as(key).get("/accounts").then().statusCode(200);
        asSuperadmin()
                .get("/agencies/{a}/keys", agency)
                .then()
                .body(
                        "find { it.prefix == '"
                                + ApiKey.parse(key).orElseThrow().prefix() + "' }.expiresAt",
                        equalTo(issued.path("details.expiresAt")));

        // a record whose expiry has passed, as Redis holds it once its time has come
        String expired = keys.issue(agency, "operator", "expired", new KeyTerms(null, Instant.EPOCH))
                .await()
                .indefinitely()
                .key()
                .value();
        Response expiredAnswer = as(expired).get("/accounts");
        Response unknownAnswer = as("dmp_000000000000_" + "u".repeat(43)).get("/accounts");
        expiredAnswer.then().statusCode(401).header("WWW-Authenticate", notNullValue());
        assertEquals(unknownAnswer.asString(), expiredAnswer.asString());
        assertEquals(unknownAnswer.header("WWW-Authenticate"), expiredAnswer.header("WWW-Authenticate"));
    }

    @Test
    void badExpiriesAreRefusedNamingTheField() {
        String agency = "agency-" + UUID.randomUUID();
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                        "expiresInDays", 0, "expiresAt", "2000-01-01T00:00:00Z")
                .entrySet()) {
            asSuperadmin()
                    .contentType("application/json")
                    .body(Map.of("role", "viewer", bad.getKey(), bad.getValue()))
                    .post("/agencies/{a}/keys", agency)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo(bad.getKey()));
        }
    }

    @Test
    void theServiceKeyReadsEveryAgencysAccountsAndNothingElse() {
        String agencyA = "agency-" + UUID.randomUUID();
        String agencyB = "agency-" + UUID.randomUUID();
        String accountA = "acct-" + UUID.randomUUID();
        String accountB = "acct-" + UUID.randomUUID();
        createAccount(asSuperadmin(), accountA, agencyA).then().statusCode(201);
        createAccount(asSuperadmin(), accountB, agencyB).then().statusCode(201);

        asService().get("/accounts/{id}", accountA).then().statusCode(200).body("agencyId", equalTo(agencyA));
        asService().get("/accounts/{id}", accountB).then().statusCode(200).body("agencyId", equalTo(agencyB));
        asService().get("/accounts?size=10").then().statusCode(200);

        createAccount(asService(), "acct-" + UUID.randomUUID(), agencyA).then().statusCode(403);
        asService()
                .contentType("application/json")
                .body(Map.of("enabled", true))
                .put("/accounts/{id}/crisis", accountA)
                .then()
                .statusCode(403);
        asService().get("/agencies/{a}/keys", agencyA).then().statusCode(403);
        asService().get("/agencies/{a}/audit", agencyA).then().statusCode(403);
    }

    /** An account of {@code agency}, created with {@code request}'s key. */
    private static Response createAccount(RequestSpecification request, String openId, String agency) {
        return request.contentType("application/json")
                .body(Map.of("openId", openId, "agencyId", agency, "name", "店", "tier", "BASIC", "fixedReply", "您好"))
                .post("/accounts");
    }

    private String issue(String agency, String role) {
        return keep(asSuperadmin()
                        .contentType("application/json")
                        .body(Map.of("role", role, "name", "test " + role))
                        .post("/agencies/{a}/keys", agency))
                .then()
                .statusCode(201)
                .body("details.role", equalTo(role))
                .extract()
                .path("key");
    }

    private Response keep(Response response) {
        answers.add(response.asString());
        return response;
    }

    /** The issuing answer is the one place the key may appear; nothing else may hold its secret or hash. */
    private void assertNeverShown(ApiKey key) throws IOException {
        assertTrue(Files.exists(LOG), "the test profile logs to " + LOG);
        String log = Files.readString(LOG);
        assertFalse(log.contains(key.secret()), "the log holds the secret of " + key);
        assertFalse(log.contains(key.secretHash()), "the log holds the hash of " + key);
        answers.stream()
                .filter(answer -> !answer.contains("\"key\":\"" + key.value() + "\""))
                .forEach(answer -> {
                    assertFalse(answer.contains(key.secret()), "an answer holds the secret of " + key);
                    assertFalse(answer.contains(key.secretHash()), "an answer holds the hash of " + key);
                });
        assertTrue(log.contains(key.prefix()) || key.prefix().equals("local"), "the log names keys by prefix");
    }
}
