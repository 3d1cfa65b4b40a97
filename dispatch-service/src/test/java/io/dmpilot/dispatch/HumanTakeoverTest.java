package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class HumanTakeoverTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** When the quota admitted the send the crashed replica noted: Redis' clock, any time will do. */
    private static final long ADMITTED_AT = 1_790_000_000_000L;

    @Inject
    ConversationState conversations;

    @Inject
    SendLedger ledger;

    @Inject
    DispatchConfig config;

    @Inject
    OtherReplicas replicas;

    private TopicProbe outcomes;

    @BeforeEach
    void openProbe() {
        outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES);
    }

    @AfterEach
    void closeProbe() {
        outcomes.close();
    }

    @Test
    void humanReplyInTheAppPausesAutomationAndResetsTheCount() {
        InboundEvent first = SampleEvents.userMessage(Messages.account(), "在吗");
        String account = first.accountOpenId();
        String conversation = first.conversationId();
        publish(Messages.reply(first, Tier.BASIC, "第一条"));
        publish(Messages.reply(Messages.next(first, "价格"), Tier.BASIC, "第二条"));
        awaitOutcomes(conversation, 2);
        assertEquals(
                2,
                conversations.autoRepliesInARow(account, conversation).await().atMost(WAIT));

        TopicProbe.send(
                Topics.INBOUND,
                conversation,
                EventJson.write(Messages.fromAccount(first, InboundKind.HUMAN_REPLY, "我是真人客服")));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> conversations.standing(first).await().atMost(WAIT).humanActive());
        publish(Messages.reply(Messages.next(first, "好的"), Tier.BASIC, "第三条"));

        List<DispatchOutcome> all = awaitOutcomes(conversation, 3);
        assertEquals(Outcome.HANDED_OFF, all.get(2).outcome());
        assertEquals("human-active", all.get(2).detail());
        assertEquals(
                0,
                conversations.autoRepliesInARow(account, conversation).await().atMost(WAIT));
        assertEquals(2, PlatformStub.to(conversation).size(), "nothing sent while a person is on it");
    }

    @Test
    void echoOfASendWhoseAnswerWasLostConfirmsItOnRedeliveryWithoutSendingAgain() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "在吗");
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "已经发出的回复");

        DispatchOutcome outcome = echoedThenRedelivered(inbound, reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertTrue(outcome.detail().startsWith("confirmed-by-echo:sent-"), outcome.detail());
        assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty());
    }

    /**
     * The sender was killed after the platform took the reply, and the record comes back after the reply's
     * deadline: the reply went out, so its outcome is SENT (by its echo), not EXPIRED.
     */
    @Test
    void aReplySentBeforeACrashThatComesBackPastItsDeadlineIsConfirmedNotExpired() {
        InboundEvent inbound = SampleEvents.userMessageReceivedAgo(Messages.account(), "在吗", 120_000);
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "宕机前已发出");

        DispatchOutcome outcome = echoedThenRedelivered(inbound, reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertTrue(outcome.detail().startsWith("confirmed-by-echo:sent-"), outcome.detail());
        assertEquals(ADMITTED_AT, outcome.admittedAt(), "still counted where the crashed replica's quota admitted it");
        assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty());
    }

    /**
     * Another replica claimed the reply, noted the send, and died before the platform's answer; the platform's
     * echo of the send arrives; then the record is delivered again, here.
     */
    private DispatchOutcome echoedThenRedelivered(InboundEvent inbound, VettedReply reply) {
        String candidate = reply.candidate().candidateId();
        SendLedger crashed = replicas.ledger("crashed-mid-send-" + candidate);
        crashed.claim(inbound, candidate).await().atMost(WAIT);
        crashed.inFlight(inbound, candidate, reply.text(), ADMITTED_AT).await().atMost(WAIT);
        crashed.stopRenewing();
        TopicProbe.send(
                Topics.INBOUND,
                inbound.conversationId(),
                EventJson.write(Messages.fromAccount(inbound, InboundKind.SEND_ECHO, reply.text())));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> ledger.echoOf(candidate).await().atMost(WAIT).isPresent());

        publish(reply);

        return awaitOutcomes(inbound.conversationId(), 1).get(0);
    }

    @Test
    void aReplyNobodyDecidedThatComesPastItsDeadlineExpiresUnsent() {
        InboundEvent inbound = SampleEvents.userMessageReceivedAgo(Messages.account(), "在吗", 120_000);

        publish(Messages.reply(inbound, Tier.BASIC, "太晚了"));

        DispatchOutcome outcome = awaitOutcomes(inbound.conversationId(), 1).get(0);
        assertEquals(Outcome.EXPIRED, outcome.outcome());
        assertEquals("deadline-passed", outcome.detail());
        assertEquals(0, outcome.admittedAt());
        assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty());
    }

    @Test
    void lostSendWithoutAnEchoIsFailedNotSentTwice() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "在吗");
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "不知道是否发出");
        String candidate = reply.candidate().candidateId();
        SendLedger crashed = replicas.ledger("crashed-mid-send");
        crashed.claim(inbound, candidate).await().atMost(WAIT);
        crashed.inFlight(inbound, candidate, reply.text(), ADMITTED_AT).await().atMost(WAIT);
        crashed.stopRenewing();

        publish(reply);

        DispatchOutcome outcome = awaitOutcomes(inbound.conversationId(), 1).get(0);
        assertEquals(Outcome.FAILED, outcome.outcome());
        assertEquals("send-unconfirmed-after-restart", outcome.detail());
        assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty());
    }

    @Test
    void aReplyWhoseOwnerDiedBeforeSendingIsDecidedAfreshAndSentOnce() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "在吗");
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "等配额时宕机");
        SendLedger crashed = replicas.ledger("crashed-waiting-for-quota");
        crashed.claim(inbound, reply.candidate().candidateId()).await().atMost(WAIT);
        crashed.stopRenewing();

        publish(reply);

        DispatchOutcome outcome = awaitOutcomes(inbound.conversationId(), 1).get(0);
        assertEquals(Outcome.SENT, outcome.outcome(), outcome.detail());
        assertEquals(1, PlatformStub.to(inbound.conversationId()).size());
    }

    /**
     * A rebalance hands this replica a record another, live replica is still deciding (say, waiting for quota):
     * it waits for that replica's outcome, across several lease periods, and republishes it instead of deciding
     * a second time.
     */
    @Test
    void aReplyStillBeingDecidedElsewhereIsWaitedForAndNotSentTwice() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "在吗");
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "另一个副本正在处理");
        String candidate = reply.candidate().candidateId();
        SendLedger owner = replicas.ledger("live-owner");
        try {
            owner.claim(inbound, candidate).await().atMost(WAIT);
            publish(reply);
            // nothing decided while the owner's lease lives, over two whole lease periods
            Duration twoLeases = config.claimLease().multipliedBy(2);
            Awaitility.await()
                    .during(twoLeases)
                    .atMost(twoLeases.plus(WAIT))
                    .until(() -> outcomes.records(DispatchOutcome.class, o -> candidate.equals(o.candidateId()))
                            .isEmpty());

            assertTrue(owner.record(OutcomeFactory.of(reply, Outcome.SENT, "sent-by-live-owner"))
                    .await()
                    .atMost(WAIT));

            DispatchOutcome outcome = awaitOutcomes(inbound.conversationId(), 1).get(0);
            assertEquals("sent-by-live-owner", outcome.detail());
            assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty(), "only the owner sends");
        } finally {
            owner.stopRenewing();
        }
    }

    private static void publish(VettedReply reply) {
        String conversation = reply.candidate().inbound().conversationId();
        TopicProbe.send(Topics.REPLY_VETTED, conversation, EventJson.write(reply));
    }

    private List<DispatchOutcome> awaitOutcomes(String conversation, int count) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> outcomes.records(DispatchOutcome.class, o -> conversation.equals(o.conversationId()))
                                .size()
                        >= count);
        return outcomes.records(DispatchOutcome.class, o -> conversation.equals(o.conversationId()));
    }
}
