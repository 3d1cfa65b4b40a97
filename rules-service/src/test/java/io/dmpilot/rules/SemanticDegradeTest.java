package io.dmpilot.rules;

import static io.dmpilot.rules.RulesApi.awaitCandidate;
import static io.dmpilot.rules.RulesApi.createAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CUSTOM engine under load, over real Kafka, PostgreSQL and Redis: with no backlog allowed in front of the
 * sentence encoder, every CUSTOM message is over the bound, so it is answered as an ADVANCED account's would be
 * and its candidate says why. (The decision itself, backlog and time-out: {@link EncoderBacklogTest}.)
 */
@QuarkusTest
@TestProfile(SemanticDegradeTest.NoBacklog.class)
@WithTestResource(
        value = TestServices.class,
        initArgs = @ResourceArg(name = "services", value = "kafka,redis,postgres"))
class SemanticDegradeTest {
    public static class NoBacklog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no message is ever encoded here: the model need not load
            return Map.of("dmpilot.rules.semantic.max-backlog", "0", "dmpilot.rules.semantic.preload", "false");
        }
    }

    private TopicProbe candidates;

    @BeforeEach
    void openProbe() {
        candidates = TopicProbe.open(Topics.REPLY_CANDIDATES);
        RulesApi.awaitAnswering(candidates);
    }

    @AfterEach
    void closeProbe() {
        candidates.close();
    }

    @Test
    void aCustomMessageOverTheBacklogIsAnsweredByTheKeywordRuleAndMarkedDegraded() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个多少钱"));

        assertEquals(Tier.ADVANCED, candidate.tier());
        assertEquals(Scenario.PRODUCT_INQUIRY, candidate.scenario());
        assertTrue(candidate.ruleId().startsWith("rule:"), candidate.ruleId());
        assertEquals("semantic-backlog", candidate.degraded());
        assertEquals(Tier.BASIC, candidate.fallback().tier()); // the fixed reply, as for an ADVANCED account
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(matchesPattern(
                        "(?s).*\\ndmpilot_rules_semantic_degraded_total\\{[^}]*reason=\"backlog\"[^}]*} [1-9].*"))
                .body(containsString("dmpilot_rules_semantic_backlog"));
    }

    @Test
    void aDegradedCustomMessageNoKeywordPlacesGetsTheFixedReplyStillMarked() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个怎么样"));

        assertEquals(Tier.BASIC, candidate.tier());
        assertEquals("您好，稍后回复您", candidate.text());
        assertEquals("semantic-backlog", candidate.degraded());
    }

    @Test
    void anAdvancedAccountNeverWaitsForTheEncoderSoIsNeverMarked() {
        String account = createAccount(Tier.ADVANCED, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个多少钱"));

        assertEquals(Tier.ADVANCED, candidate.tier());
        assertNull(candidate.degraded());
    }
}
