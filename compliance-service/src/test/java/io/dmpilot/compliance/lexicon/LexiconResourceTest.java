package io.dmpilot.compliance.lexicon;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class LexiconResourceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    LexiconRegistry registry;

    /** The change consumer starts at the latest offset: wait until it is assigned and reading. */
    @BeforeEach
    void changeConsumerIsReading() {
        long before = registry.reloads();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            ConfigChange ping = new ConfigChange(LexiconChanges.ENTITY, "ping", ConfigChange.Action.UPSERT, 0, 0);
            TopicProbe.send(Topics.CONFIG_CHANGES, ping.recordKey(), EventJson.write(ping));
            return registry.reloads() > before;
        });
    }

    @Test
    void seededLexiconIsListedAndBlocks() {
        asSuperadmin()
                .get("/lexicons/terms")
                .then()
                .statusCode(200)
                .body("find { it.term == '最便宜' }.category", equalTo("EXTREME_ADVERTISING"));
        check("我们的价格全网最便宜！", null).then().body("verdict", equalTo("BLOCKED"));
    }

    @Test
    void aNewGlobalTermTakesEffectThroughTheChangeTopicWithoutRestart() {
        String word = "奇" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "") + "货";
        check("这是" + word, null).then().body("verdict", equalTo("APPROVED"));
        try (TopicProbe changes = TopicProbe.open(Topics.CONFIG_CHANGES)) {
            int id = create(term(null, "HARASSMENT", word, null))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            changes.awaitRecords(ConfigChange.class, c -> "lexicon:*".equals(c.recordKey()), WAIT);
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> "BLOCKED"
                            .equals(check("这是 " + String.join(" ", word.split("")), null)
                                    .then()
                                    .extract()
                                    .path("verdict")));

            asSuperadmin().delete("/lexicons/terms/" + id).then().statusCode(204);
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> "APPROVED"
                            .equals(check("这是" + word, null).then().extract().path("verdict")));
        }
    }

    @Test
    void anAgencyTermAppliesToThatAgencyOnly() {
        create(term("agency-x", "EXTREME_ADVERTISING", "镇店之宝", null)).then().statusCode(201);

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "BLOCKED"
                        .equals(check("本店镇店之宝", "agency-x").then().extract().path("verdict")));
        check("本店镇店之宝", "agency-y").then().body("verdict", equalTo("APPROVED"));
        check("本店镇店之宝", null).then().body("verdict", equalTo("APPROVED"));
        check("全网最便宜", "agency-x").then().body("verdict", equalTo("BLOCKED"));
        asSuperadmin()
                .queryParam("agencyId", "agency-x")
                .get("/lexicons/terms")
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    void aSubstituteRewritesInsteadOfBlocking() {
        int id = create(term("agency-s", "EXTREME_ADVERTISING", "全球首款", "新款"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "REWRITTEN"
                        .equals(check("这是全球首款", "agency-s").then().extract().path("verdict")));
        check("这是全球首款", "agency-s").then().body("text", equalTo("这是新款"));

        asSuperadmin()
                .contentType("application/json")
                .body(term("agency-s", "EXTREME_ADVERTISING", "全球首款", "*"))
                .put("/lexicons/terms/" + id)
                .then()
                .statusCode(200);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "这是****"
                        .equals(check("这是全球首款", "agency-s").then().extract().path("text")));

        asSuperadmin()
                .contentType("application/json")
                .body(term("agency-s", "EXTREME_ADVERTISING", "全球首款", null))
                .put("/lexicons/terms/" + id)
                .then()
                .statusCode(200);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "BLOCKED"
                        .equals(check("这是全球首款", "agency-s").then().extract().path("verdict")));
    }

    @Test
    void invalidTermsAreRefusedWithTheFieldAtFault() {
        create(term(null, "NOPE", "x", null)).then().statusCode(400).body("field", equalTo("category"));
        create(term(null, "HARASSMENT", " ", null)).then().statusCode(400).body("field", equalTo("term"));
        create(term(null, "HARASSMENT", "！！！", null)).then().statusCode(400).body("field", equalTo("term"));
        create(term(null, "HARASSMENT", "退 ！", null)).then().statusCode(400).body("field", equalTo("term"));
        create(term(null, "HARASSMENT", "x".repeat(65), null))
                .then()
                .statusCode(400)
                .body("field", equalTo("term"));
        create(term(null, "DIVERSION", "某某", "别的")).then().statusCode(400).body("field", equalTo("substitute"));
        create(term(null, "EXTREME_ADVERTISING", "最 便 宜", null)).then().statusCode(409);
        asSuperadmin().delete("/lexicons/terms/999999").then().statusCode(404);
    }

    private static Map<String, Object> term(String agencyId, String category, String term, String substitute) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", agencyId);
        body.put("category", category);
        body.put("term", term);
        body.put("substitute", substitute);
        return body;
    }

    private static io.restassured.response.Response create(Map<String, Object> body) {
        return asSuperadmin().contentType("application/json").body(body).post("/lexicons/terms");
    }

    private static io.restassured.response.Response check(String text, String agencyId) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("agencyId", agencyId);
        return asSuperadmin().contentType("application/json").body(body).post("/compliance/check");
    }
}
