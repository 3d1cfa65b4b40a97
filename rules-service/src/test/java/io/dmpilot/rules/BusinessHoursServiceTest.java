package io.dmpilot.rules;

import static io.dmpilot.rules.RulesApi.awaitCandidate;
import static io.dmpilot.rules.RulesApi.createAccount;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = TestServices.class,
        initArgs = @ResourceArg(name = "services", value = "kafka,redis,postgres"))
class BusinessHoursServiceTest {
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
    void outsideTheAccountsHoursTheOffHoursTemplateAnswersAndReopeningTakesEffectAtOnce() {
        String account = createAccount(Tier.ADVANCED, "平时的回复");
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("text", "{nickname}您好，现在是非工作时间，我们明早9点后第一时间回复您～"))
                .put("/accounts/{id}/templates/OFF_HOURS", account)
                .then()
                .statusCode(200);
        // a two-hour shift that starts in three hours, Berlin time: closed now whatever the clock says
        LocalTime now = LocalTime.now(ZoneId.of("Europe/Berlin"));
        putHours(account, "Europe/Berlin", now.plusHours(3), now.plusHours(5))
                .body("timeZone", equalTo("Europe/Berlin"));

        var closed = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个多少钱"));
        assertEquals(Scenario.OFF_HOURS, closed.scenario());
        assertEquals("小王您好，现在是非工作时间，我们明早9点后第一时间回复您～", closed.text());
        assertEquals(Tier.BASIC, closed.tier());
        assertEquals(Boolean.TRUE, closed.offHours());

        putHours(account, null, null, null); // always open
        var open = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个多少钱"));
        assertEquals(Scenario.PRODUCT_INQUIRY, open.scenario());
        assertEquals(Boolean.FALSE, open.offHours());
    }

    @Test
    void invalidHoursAreRejectedWithTheFieldNamed() {
        String account = createAccount(Tier.BASIC, "固定回复");
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("timeZone", "Mars/Olympus"))
                .put("/accounts/{id}/business-hours", account)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("timeZone"));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("opensAt", "09:00"))
                .put("/accounts/{id}/business-hours", account)
                .then()
                .statusCode(400)
                .body("field", equalTo("closesAt"));
    }

    private static io.restassured.response.ValidatableResponse putHours(
            String account, String zone, LocalTime opens, LocalTime closes) {
        Map<String, Object> body = new HashMap<>();
        body.put("timeZone", zone);
        body.put(
                "opensAt",
                opens == null ? null : opens.withSecond(0).withNano(0).toString());
        body.put(
                "closesAt",
                closes == null ? null : closes.withSecond(0).withNano(0).toString());
        return asSuperadmin()
                .contentType("application/json")
                .body(body)
                .put("/accounts/{id}/business-hours", account)
                .then()
                .statusCode(200);
    }
}
