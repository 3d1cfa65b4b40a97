package io.dmpilot.rules;

import static io.dmpilot.rules.RulesApi.createAccount;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CUSTOM account's own semantic threshold over REST, set when the account is created or later: shown in the
 * account, validated, audited, announced to every replica. How it moves a message between the intent and the keyword rules: {@link SemanticIntentTest}.
 */
@QuarkusTest
@WithTestResource(TestServices.class)
class SemanticThresholdTest {
    @Test
    void aThresholdChangeIsAnnouncedOnTheConfigTopicForEveryReplica() {
        String account = createAccount(Tier.CUSTOM, "固定回复");
        try (TopicProbe changes = TopicProbe.open(Topics.CONFIG_CHANGES)) {
            putThreshold(account, 0.8).statusCode(200);

            ConfigChange change = changes.awaitRecords(
                            ConfigChange.class,
                            c -> "account".equals(c.entity()) && account.equals(c.key()),
                            RulesApi.WAIT)
                    .get(0);
            assertEquals(ConfigChange.Action.UPSERT, change.action());
        }
    }

    @Test
    void theAccountViewShowsTheThresholdAndNullWhileTheDefaultApplies() {
        String account = createAccount(Tier.CUSTOM, "固定回复");
        asSuperadmin().get("/accounts/{id}", account).then().statusCode(200).body("semanticThreshold", nullValue());

        putThreshold(account, 0.7).statusCode(200);
        asSuperadmin().get("/accounts/{id}", account).then().statusCode(200).body("semanticThreshold", equalTo(0.7f));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of())
                .put("/accounts/{id}/semantic-threshold", account)
                .then()
                .statusCode(200)
                .body("semanticThreshold", nullValue());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.01, 7})
    void aThresholdOutsideZeroToOneIsRefusedNamingTheFieldAndNotStored(double threshold) {
        String account = createAccount(Tier.CUSTOM, "固定回复");
        putThreshold(account, threshold)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("threshold"));
        asSuperadmin().get("/accounts/{id}", account).then().statusCode(200).body("semanticThreshold", nullValue());
    }

    @Test
    void aThresholdThatIsNoNumberIsRefusedNamingTheField() {
        String account = createAccount(Tier.CUSTOM, "固定回复");
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("threshold", "high"))
                .put("/accounts/{id}/semantic-threshold", account)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("threshold"));
    }

    @Test
    void aMissingBodyIsRefused() {
        String account = createAccount(Tier.CUSTOM, "固定回复");
        asSuperadmin()
                .contentType("application/json")
                .put("/accounts/{id}/semantic-threshold", account)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anAccountCreatedWithAThresholdShowsItAndTheCreationsAuditEntryRecordsIt() {
        String agency = "agency-" + UUID.randomUUID();
        String account = "acct-" + UUID.randomUUID();
        createWithThreshold(agency, account, 0.7).statusCode(201).body("semanticThreshold", equalTo(0.7f));

        asSuperadmin().get("/accounts/{id}", account).then().statusCode(200).body("semanticThreshold", equalTo(0.7f));
        asSuperadmin()
                .get("/agencies/{a}/audit?entity=account", agency)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].action", equalTo("create"))
                .body("[0].after.semanticThreshold", equalTo(0.7f));
    }

    @Test
    void anAccountCreatedWithoutAThresholdUsesTheDefault() {
        String account = "acct-" + UUID.randomUUID();
        createWithThreshold("demo-agency", account, null).statusCode(201).body("semanticThreshold", nullValue());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.01, 7})
    void anAccountWithAThresholdOutsideZeroToOneIsRefusedNamingTheFieldAndNotCreated(double threshold) {
        String account = "acct-" + UUID.randomUUID();
        createWithThreshold("demo-agency", account, threshold)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("semanticThreshold"));
        asSuperadmin().get("/accounts/{id}", account).then().statusCode(404);
    }

    @Test
    void anAccountWhoseThresholdIsNoNumberIsRefusedNamingTheField() {
        Map<String, Object> body = accountBody("demo-agency", "acct-" + UUID.randomUUID());
        body.put("semanticThreshold", "high");
        asSuperadmin()
                .contentType("application/json")
                .body(body)
                .post("/accounts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("semanticThreshold"));
    }

    private static ValidatableResponse createWithThreshold(String agency, String account, Double threshold) {
        Map<String, Object> body = accountBody(agency, account);
        body.put("semanticThreshold", threshold);
        return asSuperadmin()
                .contentType("application/json")
                .body(body)
                .post("/accounts")
                .then();
    }

    private static Map<String, Object> accountBody(String agency, String account) {
        return new HashMap<>(
                Map.of("openId", account, "agencyId", agency, "name", "测试店铺", "tier", "CUSTOM", "fixedReply", "固定回复"));
    }

    static ValidatableResponse putThreshold(String account, Double threshold) {
        Map<String, Object> body = new HashMap<>();
        body.put("threshold", threshold);
        return asSuperadmin()
                .contentType("application/json")
                .body(body)
                .put("/accounts/{id}/semantic-threshold", account)
                .then();
    }
}
