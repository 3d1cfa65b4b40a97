package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class ReplyWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long HOUR = 3_600_000;

    @Inject
    ReplyWindow window;

    @Test
    void atMostSixRepliesPerUserMessageAndANewMessageOpensANewWindow() {
        InboundEvent first = SampleEvents.userMessage(Messages.account(), "你好");
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < 7; i++) verdicts.add(take(first));

        assertEquals(List.of("open", "open", "open", "open", "open", "open", "window-full"), verdicts);
        assertEquals("open", take(Messages.next(first, "又来了")));
    }

    @Test
    void aReplyGivenBackFreesItsPlace() {
        InboundEvent first = SampleEvents.userMessage(Messages.account(), "你好");
        for (int i = 0; i < 6; i++) take(first);

        window.giveBack(first).await().atMost(WAIT);

        assertEquals("open", take(first));
        assertEquals("window-full", take(first));
    }

    @Test
    void messagesOlderThanTheWindowCannotBeAnswered() {
        InboundEvent first = SampleEvents.userMessage(Messages.account(), "你好");
        assertEquals("open", take(Messages.next(first, "23 小时前", 23 * HOUR)));
        assertEquals("message-too-old", take(Messages.next(first, "25 小时前", 25 * HOUR)));
    }

    @Test
    void replyToAMessageOlderThanTheWindowExpiresWithoutACall() {
        InboundEvent old = Messages.next(SampleEvents.userMessage(Messages.account(), "x"), "昨天的消息", 25 * HOUR);
        String conversation = old.conversationId();
        try (TopicProbe outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES)) {
            TopicProbe.send(Topics.REPLY_VETTED, conversation, EventJson.write(Messages.reply(old, Tier.BASIC, "晚了")));

            DispatchOutcome outcome = outcomes.awaitRecords(
                            DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT)
                    .get(0);

            assertEquals(Outcome.EXPIRED, outcome.outcome());
            assertEquals("reply-message-too-old", outcome.detail());
        }
        assertTrue(PlatformStub.to(conversation).isEmpty());
    }

    private String take(InboundEvent inbound) {
        return window.take(inbound).await().atMost(WAIT);
    }
}
