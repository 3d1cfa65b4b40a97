package io.dmpilot.rules;

import static io.dmpilot.rules.RulesApi.awaitCandidate;
import static io.dmpilot.rules.RulesApi.createAccount;
import static io.dmpilot.rules.RulesApi.createRule;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = TestServices.class,
        initArgs = @ResourceArg(name = "services", value = "kafka,redis,postgres"))
class KeywordRuleResourceTest {
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
    void priceQuestionToAnAdvancedAccountGetsTheProductInquiryTemplate() {
        String account = createAccount(Tier.ADVANCED, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个价格多少？"));

        assertEquals(Tier.ADVANCED, candidate.tier());
        assertEquals(Scenario.PRODUCT_INQUIRY, candidate.scenario());
        assertEquals(List.of("价格"), candidate.matchedKeywords());
        assertTrue(candidate.text().startsWith("小王您好！"), candidate.text());
        assertTrue(candidate.ruleId().startsWith("rule:"), candidate.ruleId());
    }

    @Test
    void refundRequestGetsTheAfterSalesTemplate() {
        String account = createAccount(Tier.ADVANCED, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "买了就坏了，我要退款"));

        assertEquals(Scenario.AFTER_SALES, candidate.scenario());
        assertEquals(List.of("退款", "坏了"), candidate.matchedKeywords());
        assertTrue(candidate.text().contains("非常抱歉"), candidate.text());
    }

    @Test
    void advancedAccountWithNoMatchingRuleFallsBackToItsFixedReply() {
        String account = createAccount(Tier.ADVANCED, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "今天天气不错"));

        assertEquals(Tier.BASIC, candidate.tier());
        assertEquals(Scenario.FALLBACK, candidate.scenario());
        assertEquals("您好，稍后回复您", candidate.text());
    }

    @Test
    void basicAccountNeverUsesKeywordRulesEvenWhenItHasSome() {
        String account = createAccount(Tier.BASIC, "固定回复");
        createRule(
                account,
                Map.of(
                        "matchMode",
                        "ANY_OF",
                        "keywords",
                        List.of("价格"),
                        "scenario",
                        "FALLBACK",
                        "templateText",
                        "关键词回复"));

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "价格多少"));

        assertEquals(Tier.BASIC, candidate.tier());
        assertEquals("固定回复", candidate.text());
        assertEquals(List.of(), candidate.matchedKeywords());
    }

    @Test
    void ruleEditOverRestTakesEffectWithoutRestart() {
        String account = createAccount(Tier.ADVANCED, "固定回复");
        long rule = createRule(
                account,
                Map.of(
                        "priority", 500,
                        "matchMode", "ANY_OF",
                        "keywords", List.of("发票"),
                        "scenario", "AFTER_SALES",
                        "templateText", "开票请在订单页申请"));
        assertEquals(
                "开票请在订单页申请",
                awaitCandidate(candidates, SampleEvents.userMessage(account, "能开发票吗"))
                        .text());

        asSuperadmin()
                .contentType("application/json")
                .body(Map.of(
                        "priority", 500,
                        "matchMode", "ALL_OF",
                        "keywords", List.of("发票", "抬头"),
                        "scenario", "AFTER_SALES",
                        "templateText", "抬头可以修改"))
                .put("/accounts/{id}/rules/{rule}", account, rule)
                .then()
                .statusCode(200)
                .body("keywords", contains("发票", "抬头"));

        assertEquals(
                "固定回复",
                awaitCandidate(candidates, SampleEvents.userMessage(account, "能开发票吗"))
                        .text());
        assertEquals(
                "抬头可以修改",
                awaitCandidate(candidates, SampleEvents.userMessage(account, "发票抬头写错了"))
                        .text());
    }

    /** compliance-service switched the rule off on config.changes.v1: no more answers from it, and the reason shows. */
    @Test
    void ruleSwitchedOffByComplianceStopsAnsweringAndSaysWhy() {
        String account = createAccount(Tier.ADVANCED, "固定回复");
        long rule = createRule(account, invoiceRule("全国最低价开票"));
        assertEquals(
                "rule:" + rule,
                awaitCandidate(candidates, SampleEvents.userMessage(account, "能开发票吗"))
                        .ruleId());

        ConfigChange disabled =
                new ConfigChange("rule-disabled", account + "/rule:" + rule, ConfigChange.Action.UPSERT, 1, 1);
        TopicProbe.send(Topics.CONFIG_CHANGES, disabled.recordKey(), EventJson.write(disabled));

        Awaitility.await()
                .atMost(RulesApi.WAIT)
                .untilAsserted(() -> asSuperadmin()
                        .get("/accounts/{id}/rules/{rule}", account, rule)
                        .then()
                        .statusCode(200)
                        .body("enabled", equalTo(false))
                        .body("disabledReason", containsString("compliance-service")));
        assertEquals(
                "固定回复",
                awaitCandidate(candidates, SampleEvents.userMessage(account, "能开发票吗"))
                        .text());

        // the operator fixes the template and switches it back on: the reason goes
        asSuperadmin()
                .contentType("application/json")
                .body(invoiceRule("开票请在订单页申请"))
                .put("/accounts/{id}/rules/{rule}", account, rule)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("disabledReason", nullValue());
        assertEquals(
                "开票请在订单页申请",
                awaitCandidate(candidates, SampleEvents.userMessage(account, "能开发票吗"))
                        .text());
    }

    private static Map<String, Object> invoiceRule(String templateText) {
        return Map.of(
                "priority",
                500,
                "matchMode",
                "ANY_OF",
                "keywords",
                List.of("发票"),
                "scenario",
                "PRODUCT_INQUIRY",
                "templateText",
                templateText);
    }

    @Test
    void rulesAreListedByPriorityReadAndDeleted() {
        String account = createAccount(Tier.ADVANCED, "固定回复");
        long rule = createRule(
                account,
                Map.of("priority", 900, "matchMode", "EXACT", "keywords", List.of("在吗"), "scenario", "WELCOME"));

        asSuperadmin()
                .get("/accounts/{id}/rules", account)
                .then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("[0].id", equalTo((int) rule))
                .body("priority", contains(900, 100, 50));
        asSuperadmin().get("/accounts/{id}/rules?page=1&size=2", account).then().body("priority", contains(50));
        asSuperadmin()
                .delete("/accounts/{id}/rules/{rule}", account, rule)
                .then()
                .statusCode(204);
        asSuperadmin().get("/accounts/{id}/rules/{rule}", account, rule).then().statusCode(404);
    }

    @Test
    void invalidRulesAreRejectedWithTheFieldNamed() {
        String account = createAccount(Tier.ADVANCED, "固定回复");

        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("matchMode", "REGEX", "keywords", List.of("(价格"), "scenario", "PRODUCT_INQUIRY"))
                .post("/accounts/{id}/rules", account)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("keywords"));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("matchMode", "ANY_OF", "keywords", List.of("价格")))
                .post("/accounts/{id}/rules", account)
                .then()
                .statusCode(400)
                .body("field", equalTo("scenario"));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("matchMode", "ANY_OF", "keywords", List.of("价格"), "scenario", "FALLBACK"))
                .post("/accounts/{id}/rules", "missing-account")
                .then()
                .statusCode(404);
        asSuperadmin().get("/accounts/{id}/rules?size=0", account).then().statusCode(400);
    }
}
