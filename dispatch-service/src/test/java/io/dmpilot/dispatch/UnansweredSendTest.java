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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform takes a message but answers after the client's time-out: the send must not go out again. Found by
 * the fault benchmark, where a send API answering 2 s late made the client retry and 125 replies arrived twice.
 */
@QuarkusTest
@TestProfile(UnansweredSendTest.ShortTimeout.class)
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class UnansweredSendTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "io.dmpilot.dispatch.douyin.DouyinClient/send/Timeout/value", "300",
                    "dmpilot.dispatch.echo-wait", "4s");
        }
    }

    private TopicProbe outcomes;
    private String account;

    @BeforeEach
    void latePlatform() {
        account = Messages.account();
        PlatformStub.LATE.add(account);
        outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES);
    }

    @AfterEach
    void normalPlatform() {
        PlatformStub.LATE.remove(account);
        outcomes.close();
    }

    @Test
    void aSendThatTimedOutIsNotSentAgainAndEndsUnconfirmedWithoutAnEcho() {
        InboundEvent inbound = SampleEvents.userMessage(account, "在吗");
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "超时的回复");

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.FAILED, outcome.outcome());
        assertTrue(outcome.detail().endsWith("send-unconfirmed"), outcome.detail());
        assertEquals(1, PlatformStub.to(inbound.conversationId()).size(), "sent once, never again");
    }

    @Test
    void theEchoOfASendThatTimedOutConfirmsItAsSent() {
        InboundEvent inbound = SampleEvents.userMessage(account, "在吗");
        VettedReply reply = Messages.reply(inbound, Tier.BASIC, "平台收到但回答迟了");
        String conversation = inbound.conversationId();

        TopicProbe.send(Topics.REPLY_VETTED, conversation, EventJson.write(reply));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> PlatformStub.to(conversation).size() == 1);
        TopicProbe.send(
                Topics.INBOUND,
                conversation,
                EventJson.write(Messages.fromAccount(inbound, InboundKind.SEND_ECHO, reply.text())));
        DispatchOutcome outcome = awaitOutcome(conversation);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertTrue(outcome.detail().startsWith("confirmed-by-echo:sent-"), outcome.detail());
        assertEquals(1, PlatformStub.to(conversation).size(), "sent once, never again");
    }

    private DispatchOutcome publishAndAwait(VettedReply reply) {
        String conversation = reply.candidate().inbound().conversationId();
        TopicProbe.send(Topics.REPLY_VETTED, conversation, EventJson.write(reply));
        return awaitOutcome(conversation);
    }

    private DispatchOutcome awaitOutcome(String conversation) {
        return outcomes.awaitRecords(DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT)
                .get(0);
    }
}
