package io.dmpilot.rules;

import static io.dmpilot.rules.RulesApi.awaitCandidate;
import static io.dmpilot.rules.RulesApi.createAccount;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CUSTOM tier's semantic engine over real Kafka, PostgreSQL and Redis, with the real model. */
@QuarkusTest
@WithTestResource(
        value = TestServices.class,
        initArgs = @ResourceArg(name = "services", value = "kafka,redis,postgres"))
class SemanticIntentTest {
    private TopicProbe candidates;

    @BeforeEach
    void openProbe() {
        candidates = TopicProbe.open(Topics.REPLY_CANDIDATES);
        RulesApi.awaitConsuming(candidates);
    }

    @AfterEach
    void closeProbe() {
        candidates.close();
    }

    @Test
    void paraphraseWithNoKeywordGetsTheProductInquiryTemplateThroughTheSemanticEngine() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");
        deleteKeywordRules(account); // nothing but meaning can place the message now

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个怎么卖"));

        assertEquals(Tier.CUSTOM, candidate.tier());
        assertEquals(Scenario.PRODUCT_INQUIRY, candidate.scenario());
        assertTrue(candidate.ruleId().startsWith("intent:"), candidate.ruleId());
        assertTrue(candidate.text().startsWith("小王您好！这款是店里的人气款"), candidate.text());
        assertTrue(candidate.score() >= 0.62 && candidate.score() <= 1.0001, () -> "score " + candidate.score());
        assertEquals(1, candidate.matchedKeywords().size()); // the nearest example phrase
    }

    @Test
    void afterSalesComplaintInOtherWordsGetsTheAfterSalesTemplate() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");
        deleteKeywordRules(account);

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "东西到了是坏的"));

        assertEquals(Tier.CUSTOM, candidate.tier());
        assertEquals(Scenario.AFTER_SALES, candidate.scenario());
    }

    @Test
    void smallTalkNoIntentPlacesFallsBackToKeywordsThenTheFixedReply() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "主播唱歌真好听"));

        assertEquals(Tier.BASIC, candidate.tier());
        assertEquals(Scenario.FALLBACK, candidate.scenario());
        assertEquals("您好，稍后回复您", candidate.text());
    }

    /**
     * 这个怎么卖 is near the default example 这个多少钱 (above 0.62, well below 0.99) and holds the keyword 怎么卖:
     * the account's own threshold alone decides which engine answers, from the next message on.
     */
    @Test
    void raisingTheAccountsThresholdSendsTheSameMessageToTheKeywordRulesAndClearingItBringsTheIntentBack() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");
        assertAnsweredByIntent(awaitCandidate(candidates, SampleEvents.userMessage(account, "这个怎么卖")));

        SemanticThresholdTest.putThreshold(account, 0.99).statusCode(200);
        ReplyCandidate strict = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个怎么卖"));
        assertEquals(Tier.ADVANCED, strict.tier());
        assertEquals(Scenario.PRODUCT_INQUIRY, strict.scenario());
        assertFalse(strict.ruleId().startsWith("intent:"), strict.ruleId());

        SemanticThresholdTest.putThreshold(account, null).statusCode(200);
        assertAnsweredByIntent(awaitCandidate(candidates, SampleEvents.userMessage(account, "这个怎么卖")));
    }

    @Test
    void basicAccountNeverUsesKeywordOrSemanticEnginesEvenWithRulesAndIntents() {
        String account = createAccount(Tier.BASIC, "固定回复");
        RulesApi.createRule(
                account,
                Map.of(
                        "matchMode",
                        "ANY_OF",
                        "keywords",
                        List.of("怎么卖"),
                        "scenario",
                        "FALLBACK",
                        "templateText",
                        "关键词"));
        createIntent(account, "FALLBACK", List.of("这个怎么卖"), "语义回复");

        for (String text : List.of("这个怎么卖", "这个多少钱", "我要退款")) {
            ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, text));

            assertEquals(Tier.BASIC, candidate.tier(), text);
            assertEquals("fixed:FALLBACK", candidate.ruleId(), text);
            assertEquals("固定回复", candidate.text(), text);
        }
    }

    @Test
    void anIntentAddedOverRestTakesEffectWithoutRestart() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");
        assertEquals(
                Scenario.FALLBACK,
                awaitCandidate(candidates, SampleEvents.userMessage(account, "能开发票吗"))
                        .scenario());

        createIntent(account, "PRODUCT_INQUIRY", List.of("可以开发票吗", "发票怎么开"), "可以开发票，下单时填写抬头即可");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "能开发票吗"));
        assertEquals(Tier.CUSTOM, candidate.tier());
        assertEquals("可以开发票，下单时填写抬头即可", candidate.text());
    }

    @Test
    void intentsAreListedReplacedDeletedAndValidated() {
        String account = createAccount(Tier.CUSTOM, "固定回复");
        asSuperadmin()
                .get("/accounts/{id}/intents", account)
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        long id = createIntent(account, "AFTER_SALES", List.of("快递丢了"), null);

        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("scenario", "after_sales", "examples", List.of("快递丢了", "包裹没收到")))
                .put("/accounts/{id}/intents/{intent}", account, id)
                .then()
                .statusCode(200)
                .body("examples", hasSize(2));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("scenario", "NOPE", "examples", List.of("x")))
                .post("/accounts/{id}/intents", account)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("scenario"));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("scenario", "AFTER_SALES", "examples", List.of()))
                .post("/accounts/{id}/intents", account)
                .then()
                .statusCode(400)
                .body("field", equalTo("examples"));
        asSuperadmin()
                .delete("/accounts/{id}/intents/{intent}", account, id)
                .then()
                .statusCode(204);
        asSuperadmin()
                .delete("/accounts/{id}/intents/{intent}", account, id)
                .then()
                .statusCode(404);
    }

    private static void assertAnsweredByIntent(ReplyCandidate candidate) {
        assertEquals(Tier.CUSTOM, candidate.tier());
        assertEquals(Scenario.PRODUCT_INQUIRY, candidate.scenario());
        assertTrue(candidate.ruleId().startsWith("intent:"), candidate.ruleId());
    }

    private static long createIntent(String account, String scenario, List<String> examples, String templateText) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("scenario", scenario, "examples", examples));
        if (templateText != null) body.put("templateText", templateText);
        return asSuperadmin()
                .contentType("application/json")
                .body(body)
                .post("/accounts/{id}/intents", account)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static void deleteKeywordRules(String account) {
        List<Integer> ids = asSuperadmin()
                .get("/accounts/{id}/rules", account)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        ids.forEach(id -> asSuperadmin()
                .delete("/accounts/{id}/rules/{rule}", account, id)
                .then()
                .statusCode(204));
    }
}
