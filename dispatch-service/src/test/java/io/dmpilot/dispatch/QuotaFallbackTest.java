package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.FallbackReply;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CUSTOM reply whose tier quota is used up and whose deadline is nearer than the next free token: the
 * cheaper tier's fallback goes out in its place, charged to that tier; without a fallback, a person takes it.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class QuotaFallbackTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TopicProbe outcomes;

    @Inject
    QuotaGate quota;

    @Inject
    ReactiveRedisDataSource redis;

    @BeforeEach
    void openProbe() {
        outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES);
    }

    @AfterEach
    void closeProbe() {
        outcomes.close();
    }

    @Test
    void overQuotaCustomReplyIsAnsweredByItsCheaperFallback() {
        String account = Messages.account();
        useUpCustomQuota(account);
        VettedReply reply =
                SampleEvents.approved(customCandidate(account, true)).withFallbackText("您好，价格请看商品页");

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertEquals(Tier.ADVANCED, outcome.tier());
        assertEquals("rule:7", outcome.ruleId());
        assertTrue(outcome.detail().startsWith("fallback-to-ADVANCED;sent-"), outcome.detail());
        List<PlatformStub.Received> sent = PlatformStub.to(outcome.conversationId());
        assertEquals(1, sent.size());
        assertEquals("您好，价格请看商品页", sent.get(0).request().content().text().text());
        // the outcome names the moment its token counts from, as Redis holds it: the quota is checkable from it
        double token = redis.sortedSet(String.class)
                .zscore(QuotaGate.key(account, Tier.ADVANCED), outcome.candidateId())
                .await()
                .atMost(WAIT);
        assertEquals((long) token, outcome.admittedAt());
        assertTrue(outcome.admittedAt() <= outcome.decidedAt(), "admitted before it was sent");
    }

    @Test
    void overQuotaCustomReplyWithoutAFallbackGoesToAPerson() {
        String account = Messages.account();
        useUpCustomQuota(account);
        VettedReply reply = SampleEvents.approved(customCandidate(account, false));

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.HANDED_OFF, outcome.outcome());
        assertEquals("over-quota", outcome.detail());
        assertEquals(0, outcome.admittedAt(), "never admitted");
        assertTrue(PlatformStub.to(outcome.conversationId()).isEmpty());
    }

    private void useUpCustomQuota(String account) {
        for (int i = 0; i < 1_000; i++) {
            if (!quota.acquire(account, Tier.CUSTOM, "filler-" + i)
                    .await()
                    .atMost(WAIT)
                    .admitted()) {
                return;
            }
        }
        throw new AssertionError("the CUSTOM quota never ran out");
    }

    /** Due in 20 s: sooner than the next CUSTOM token (the window is a minute), so waiting cannot work. */
    private static ReplyCandidate customCandidate(String account, boolean withFallback) {
        InboundEvent inbound = SampleEvents.userMessage(account, "这个怎么卖");
        ReplyCandidate c = SampleEvents.candidate(inbound, Tier.CUSTOM, "您好，这款很适合您，欢迎下单～");
        return new ReplyCandidate(
                c.candidateId(),
                inbound,
                c.agencyId(),
                Tier.CUSTOM,
                "intent:3",
                Scenario.PRODUCT_INQUIRY,
                null,
                c.text(),
                List.of(),
                0.8,
                0,
                c.createdAt(),
                System.currentTimeMillis() + 20_000,
                null,
                withFallback ? new FallbackReply(Tier.ADVANCED, "rule:7", Scenario.PRODUCT_INQUIRY, "价格请看商品页") : null,
                null);
    }

    private DispatchOutcome publishAndAwait(VettedReply reply) {
        String conversation = reply.candidate().inbound().conversationId();
        TopicProbe.send(Topics.REPLY_VETTED, conversation, EventJson.write(reply));
        return outcomes.awaitRecords(DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT)
                .get(0);
    }
}
