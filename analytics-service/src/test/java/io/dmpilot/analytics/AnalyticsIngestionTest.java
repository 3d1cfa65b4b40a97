package io.dmpilot.analytics;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events on all five topics, each delivered twice, through real Kafka into real PostgreSQL: every figure
 * the REST API reports must be exactly the scenario's (see {@link AnalyticsScenario}).
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class AnalyticsIngestionTest {
    /** Run once for all tests; in @BeforeEach because RestAssured knows the test port only from then on. */
    private static AnalyticsScenario scenario;

    @BeforeEach
    void runScenarioOnce() {
        if (scenario == null) scenario = new AnalyticsScenario().run();
    }

    @Test
    void theFunnelCountsEveryStepOnceDespiteRedelivery() {
        funnel("")
                .body("steps.step", equalTo(List.of("RECEIVED", "MATCHED", "VETTED", "SENT", "REPLIED", "CONVERTED")))
                .body("steps.count", equalTo(List.of(5, 4, 3, 3, 1, 1)))
                .body("steps.dropOff", equalTo(List.of(0, 1, 1, 0, 2, 0)))
                .body("outcomes.find { it.outcome == 'SENT' }.count", equalTo(3))
                .body("outcomes.find { it.outcome == 'BLOCKED' }.count", equalTo(1))
                .body("outcomes.find { it.outcome == 'NO_MATCH' }.count", equalTo(1))
                .body("outcomes.find { it.outcome == 'NO_MATCH' }.share", equalTo(0.2f))
                .body("outcomes.find { it.outcome == 'FAILED' }.count", equalTo(0));
    }

    @Test
    void aFunnelFilteredByVariantCreditsRepliesAndConversionsToTheSentReply() {
        funnel("&variant=A")
                .body("steps.step[0]", equalTo("MATCHED"))
                .body("steps.count", equalTo(List.of(2, 2, 2, 1, 1)));
        funnel("&variant=B").body("steps.count", equalTo(List.of(2, 1, 1, 0, 0)));
        funnel("&scenario=PRODUCT_INQUIRY&rule=r1").body("steps.count", equalTo(List.of(2, 2, 2, 1, 0)));
        funnel("&scenario=WELCOME").body("steps.count", equalTo(List.of(1, 0, 0, 0, 0)));
    }

    @Test
    void theFunnelIsAlsoCsv() {
        asSuperadmin()
                .accept("text/csv")
                .get(
                        "/analytics/accounts/{id}/funnel?from={f}&to={t}",
                        scenario.account,
                        AnalyticsScenario.FROM,
                        AnalyticsScenario.TO)
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Type", not(containsString("qs=")))
                .body(containsString("step,RECEIVED,5,0,1.0\n"))
                .body(containsString("step,MATCHED,4,1,0.8\n"))
                .body(containsString("outcome,BLOCKED,1,,0.2\n"));
    }

    @Test
    void chineseTextIsSegmentedIntoWordsWithStopWordsRemoved() {
        keywords()
                .body("top.word", equalTo(List.of("退货", "优惠", "多少", "退款", "钱")))
                .body("top.count", equalTo(List.of(2, 1, 1, 1, 1)))
                .body("top.word", not(hasItems("的", "吗", "你好", "在吗", "我", "想", "怎么", "，")))
                .body("ruleKeywords.findAll { it.ruleId == 'r1' }.keyword", containsInAnyOrder("优惠", "多少钱", "退货"))
                .body("ruleKeywords.find { it.ruleId == 'r2' }.keyword", equalTo("退款"));
    }

    @Test
    void wordsOfTheDayRiseAgainstAnEmptyPreviousPeriod() {
        keywords()
                .body("rising.word[0]", equalTo("退货"))
                .body("rising.find { it.word == '退货' }.previousCount", equalTo(0))
                .body("rising.find { it.word == '退货' }.change", equalTo(2))
                .body("falling.size()", equalTo(0));
        // seen from the next day, the same words fall
        asSuperadmin()
                .get(
                        "/analytics/accounts/{id}/keywords?from=2026-11-21&to=2026-11-21&compareFrom={d}&compareTo={d}",
                        scenario.account,
                        AnalyticsScenario.DAY,
                        AnalyticsScenario.DAY)
                .then()
                .statusCode(200)
                .body("top.size()", equalTo(0))
                .body("falling.word[0]", equalTo("退货"))
                .body("falling[0].change", equalTo(-2));
    }

    @Test
    void responseTimesGiveExactSharesWithin90SecondsAndWithinEachTiersSlo() {
        asSuperadmin()
                .get(
                        "/analytics/accounts/{id}/response-times?from={f}&to={t}",
                        scenario.account,
                        AnalyticsScenario.FROM,
                        AnalyticsScenario.TO)
                .then()
                .statusCode(200)
                .body("count", equalTo(3))
                .body("within90s.count", equalTo(2))
                .body("withinSlo.count", equalTo(1))
                .body("tiers.find { it.tier == 'BASIC' }.withinSlo.count", equalTo(1))
                .body("tiers.find { it.tier == 'ADVANCED' }.withinSlo.count", equalTo(0))
                .body("tiers.find { it.tier == 'CUSTOM' }.count", equalTo(1))
                .body("histogram.find { it.fromMillis == 1000 }.count", equalTo(1))
                .body("histogram.find { it.fromMillis == 3000 }.count", equalTo(1))
                .body("histogram.find { it.fromMillis == 90000 }.count", equalTo(1))
                .body("p50Millis", equalTo(4_000 + 15))
                .body("maxMillis", equalTo(120_319));
    }

    @Test
    void thePathMatrixHasTheScenarioTransitionsOfEachConversation() {
        asSuperadmin()
                .get(
                        "/analytics/accounts/{id}/paths?from={f}&to={t}",
                        scenario.account,
                        AnalyticsScenario.FROM,
                        AnalyticsScenario.TO)
                .then()
                .statusCode(200)
                .body(
                        "scenarios",
                        equalTo(List.of(
                                "PRODUCT_INQUIRY", "AFTER_SALES", "WELCOME", "OFF_HOURS", "CRISIS", "FALLBACK")))
                .body(
                        "matrix",
                        equalTo(List.of(
                                List.of(0, 1, 0, 0, 0, 0),
                                List.of(0, 0, 0, 0, 0, 0),
                                List.of(1, 0, 0, 0, 0, 0),
                                List.of(0, 0, 0, 0, 0, 0),
                                List.of(0, 0, 0, 0, 0, 0),
                                List.of(0, 0, 0, 0, 0, 0))));
    }

    @Test
    void degradedRepliesAreCountedOnceByReasonAndTheTierThatAnswered() {
        String account = "acct-" + UUID.randomUUID();
        long t = AnalyticsScenario.HOUR.toEpochMilli();
        EventScript script = new EventScript(account);
        script.degradedCandidate(script.message("d1-" + account, "这款适合敏感肌吗", t), Tier.ADVANCED, "semantic-backlog");
        script.degradedCandidate(
                script.message("d2-" + account, "能便宜点吗", t + 1_000), Tier.ADVANCED, "semantic-backlog");
        script.degradedCandidate(script.message("d3-" + account, "什么时候发货", t + 2_000), Tier.BASIC, "semantic-timeout");
        script.degradedCandidate(script.message("d4-" + account, "嗯嗯", t + 3_000), null, "semantic-timeout");
        InboundEvent normal = script.message("d5-" + account, "多少钱", t + 4_000);
        script.candidate(normal, Tier.CUSTOM, Scenario.PRODUCT_INQUIRY, "r1", "", List.of());
        // last, under the same key: once it is counted, every record before it and its redelivery has been
        script.degradedCandidate(script.message("d6-" + account, "在吗", t + 5_000), Tier.BASIC, "sentinel");
        script.sendTwice();

        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () -> degraded(account).body("reasons.find { it.reason == 'sentinel' }.count", equalTo(1)));
        degraded(account)
                .body("total", equalTo(5))
                .body(
                        "reasons.reason",
                        equalTo(List.of("semantic-backlog", "semantic-timeout", "semantic-timeout", "sentinel")))
                .body("reasons.tier", equalTo(List.of("ADVANCED", "", "BASIC", "BASIC")))
                .body("reasons.count", equalTo(List.of(2, 1, 1, 1)));
        // the degraded but matched replies are still matched replies in the funnel; the unmatched one is not
        asSuperadmin()
                .get(
                        "/analytics/accounts/{id}/funnel?from={f}&to={t}",
                        account,
                        AnalyticsScenario.FROM,
                        AnalyticsScenario.TO)
                .then()
                .statusCode(200)
                .body("steps.find { it.step == 'MATCHED' }.count", equalTo(5));
        degraded(account, "text/csv").body(startsWith("reason,tier,count\nsemantic-backlog,ADVANCED,2\n"));
        asSuperadmin()
                .get("/analytics/accounts/{id}/degraded?from=yesterday", account)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private ValidatableResponse degraded(String account) {
        return degraded(account, "application/json");
    }

    private ValidatableResponse degraded(String account, String accept) {
        return asSuperadmin()
                .accept(accept)
                .get(
                        "/analytics/accounts/{id}/degraded?from={f}&to={t}",
                        account,
                        AnalyticsScenario.FROM,
                        AnalyticsScenario.TO)
                .then()
                .statusCode(200);
    }

    @Test
    void abResultsCompareEachVariantWithTheBaseline() {
        asSuperadmin()
                .get(
                        "/analytics/accounts/{id}/ab?from={f}&to={t}",
                        scenario.account,
                        AnalyticsScenario.FROM,
                        AnalyticsScenario.TO)
                .then()
                .statusCode(200)
                .body("baseline", equalTo("A"))
                .body("variants.variant", equalTo(List.of("A", "B")))
                .body("variants.sent", equalTo(List.of(2, 1)))
                .body("variants.converted", equalTo(List.of(1, 0)))
                .body("variants[0].versusBaseline", nullValue())
                .body("variants[1].versusBaseline.significant", equalTo(false));
    }

    @Test
    void theOriginalOutcomeSummaryStillCountsOnce() {
        asSuperadmin()
                .get("/analytics/accounts/{id}/outcomes", scenario.account)
                .then()
                .statusCode(200)
                .body("counts.RECEIVED", equalTo(5))
                .body("counts.SENT", equalTo(3))
                .body("counts.BLOCKED", equalTo(1))
                .body("answeredWithin90s", equalTo(2));
    }

    @Test
    void malformedCandidatesGoToTheirDeadLetterTopic() {
        String bad = "{\"candidateId\": \"" + UUID.randomUUID() + "\", \"inbound\": null}";
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.REPLY_CANDIDATES))) {
            TopicProbe.send(Topics.REPLY_CANDIDATES, "bad", bad);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> dlq.rawRecords().stream().anyMatch(r -> bad.equals(r.value())));
        }
    }

    @Test
    void reportsAnswerProblemsForBadWindows() {
        asSuperadmin()
                .get("/analytics/accounts/{id}/funnel?from=yesterday", scenario.account)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("from"));
        asSuperadmin()
                .get("/analytics/accounts/{id}/keywords?limit=0", scenario.account)
                .then()
                .statusCode(400);
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/analytics/accounts/{accountOpenId}/funnel"))
                .body(containsString("/analytics/accounts/{accountOpenId}/keywords"))
                .body(containsString("/analytics/accounts/{accountOpenId}/response-times"))
                .body(containsString("/analytics/accounts/{accountOpenId}/paths"))
                .body(containsString("/analytics/accounts/{accountOpenId}/ab"))
                .body(containsString("/analytics/accounts/{accountOpenId}/degraded"))
                .body(containsString("text/csv"));
    }

    private ValidatableResponse funnel(String filter) {
        return asSuperadmin()
                .get(
                        "/analytics/accounts/{id}/funnel?from={f}&to={t}" + filter,
                        scenario.account,
                        AnalyticsScenario.FROM,
                        AnalyticsScenario.TO)
                .then()
                .statusCode(200);
    }

    private ValidatableResponse keywords() {
        return asSuperadmin()
                .get(
                        "/analytics/accounts/{id}/keywords?from={d}&to={d}",
                        scenario.account,
                        AnalyticsScenario.DAY,
                        AnalyticsScenario.DAY)
                .then()
                .statusCode(200);
    }
}
