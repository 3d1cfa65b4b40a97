package io.dmpilot.rules;

import static io.dmpilot.rules.RulesApi.awaitCandidate;
import static io.dmpilot.rules.RulesApi.createAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.InboundEvent;
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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CUSTOM engine under load, over real Kafka, PostgreSQL and Redis: with no backlog allowed in front of the
 * sentence encoder, every CUSTOM message is over the bound, so it is answered as an ADVANCED account's would be
 * and its candidate says why; so is one that lagged in Kafka past the time-out. (The decision itself, backlog and time-out: {@link EncoderBacklogTest}.)
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

    /**
     * A message that lagged in Kafka for longer than the time-out (this suite's is 120 s) before reaching the
     * encoder is answered without being encoded; its deadline has passed too, which is dispatch's business.
     */
    @Test
    void aCustomMessageThatWaitedPastTheTimeOutIsAnsweredByKeywordsMarkedTimedOut() {
        String account = createAccount(Tier.CUSTOM, "您好，稍后回复您");
        InboundEvent fresh = SampleEvents.userMessage(account, "这个多少钱");
        long received = System.currentTimeMillis() - Duration.ofMinutes(3).toMillis();

        ReplyCandidate candidate = awaitCandidate(candidates, receivedAt(fresh, received));

        assertEquals(Tier.ADVANCED, candidate.tier());
        assertTrue(candidate.ruleId().startsWith("rule:"), candidate.ruleId());
        assertEquals("semantic-timeout", candidate.degraded());
    }

    @Test
    void anAdvancedAccountNeverWaitsForTheEncoderSoIsNeverMarked() {
        String account = createAccount(Tier.ADVANCED, "您好，稍后回复您");

        ReplyCandidate candidate = awaitCandidate(candidates, SampleEvents.userMessage(account, "这个多少钱"));

        assertEquals(Tier.ADVANCED, candidate.tier());
        assertNull(candidate.degraded());
    }

    private static InboundEvent receivedAt(InboundEvent e, long at) {
        return new InboundEvent(
                e.eventId(),
                e.kind(),
                e.clientKey(),
                e.accountOpenId(),
                e.userOpenId(),
                e.userNickname(),
                e.conversationId(),
                e.serverMessageId(),
                e.messageType(),
                e.text(),
                at,
                at,
                e.context(),
                e.traceId());
    }
}
