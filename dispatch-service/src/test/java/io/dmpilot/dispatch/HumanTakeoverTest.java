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
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class HumanTakeoverTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConversationState conversations;

    @Inject
    SendLedger ledger;

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
        String candidate = reply.candidate().candidateId();
        // a dispatcher claimed the candidate, noted the send, and crashed before the platform's answer
        ledger.claim(candidate).await().atMost(WAIT);
        ledger.inFlight(inbound, candidate, reply.text()).await().atMost(WAIT);

        TopicProbe.send(
                Topics.INBOUND,
                inbound.conversationId(),
                EventJson.write(Messages.fromAccount(inbound, InboundKind.SEND_ECHO, reply.text())));
        Awaitility.await().atMost(WAIT).until(() -> echoed(candidate).isPresent());
        publish(reply);

        DispatchOutcome outcome = awaitOutcomes(inbound.conversationId(), 1).get(0);
        assertEquals(Outcome.SENT, outcome.outcome());
        assertTrue(outcome.detail().startsWith("confirmed-by-echo:sent-"), outcome.detail());
        assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty());
    }

    @Test
    void lostSendWithoutAnEchoIsFailedNotSentTwice() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "在吗");
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "不知道是否发出");
        ledger.claim(reply.candidate().candidateId()).await().atMost(WAIT);

        publish(reply);

        DispatchOutcome outcome = awaitOutcomes(inbound.conversationId(), 1).get(0);
        assertEquals(Outcome.FAILED, outcome.outcome());
        assertEquals("send-unconfirmed-after-restart", outcome.detail());
        assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty());
    }

    private Optional<String> echoed(String candidate) {
        SendLedger.Claim claim = ledger.claim(candidate).await().atMost(WAIT);
        return claim instanceof SendLedger.Unconfirmed u ? u.echoedMessageId() : Optional.empty();
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
