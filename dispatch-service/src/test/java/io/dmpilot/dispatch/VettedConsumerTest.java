package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.LexiconCategory;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.douyin.DouyinErrors;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class VettedConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void approvedReplyIsSentToThePlatformAndRecordedAsSent() {
        VettedReply reply = approved("您好，欢迎光临");

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        InboundEvent inbound = reply.candidate().inbound();
        List<PlatformStub.Received> sent = PlatformStub.to(inbound.conversationId());
        assertEquals(1, sent.size());
        PlatformStub.Received call = sent.get(0);
        assertEquals(inbound.accountOpenId(), call.openId());
        assertEquals("sim-token", call.accessToken());
        assertEquals(inbound.serverMessageId(), call.request().msgId());
        assertEquals(inbound.userOpenId(), call.request().toUserId());
        assertEquals("您好，欢迎光临", call.request().content().text().text());
        assertTrue(outcome.decidedAt() >= outcome.receivedAt());
    }

    @Test
    void replyOutsideTheAccountsBusinessHoursIsPacedAsOffHoursAndStillSent() {
        // acct-closed has business hours "never" in the test profile
        VettedReply reply = SampleEvents.approved(
                SampleEvents.candidate(SampleEvents.userMessage("acct-closed", "半夜了"), Tier.BASIC, "已收到"));

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertTrue(outcome.detail().startsWith("off-hours;sent-"), outcome.detail());
        assertEquals(
                1, PlatformStub.to(reply.candidate().inbound().conversationId()).size());
    }

    /** rules-service keeps the account's hours and marks the candidate: dispatch needs no copy of them. */
    @Test
    void replyThatRulesMarksOffHoursIsPacedAsOffHours() {
        VettedReply reply = SampleEvents.approved(SampleEvents.candidate(
                SampleEvents.userMessage(account(), "半夜了"), Tier.BASIC, "fixed:FALLBACK", "已收到，明早回复您", null, true));

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertTrue(outcome.detail().startsWith("off-hours;sent-"), outcome.detail());
    }

    @Test
    void blockedReplyIsNeverSent() {
        ReplyCandidate candidate = candidate("全网最便宜");
        VettedReply blocked = new VettedReply(
                candidate,
                Verdict.BLOCKED,
                "",
                List.of(new Finding(LexiconCategory.EXTREME_ADVERTISING, "最便宜", 2, 5)),
                System.currentTimeMillis());

        DispatchOutcome outcome = publishAndAwait(blocked);

        assertEquals(Outcome.BLOCKED, outcome.outcome());
        assertEquals("EXTREME_ADVERTISING", outcome.detail());
        assertTrue(PlatformStub.to(candidate.inbound().conversationId()).isEmpty());
    }

    @Test
    void noMatchIsRecordedWithoutSending() {
        ReplyCandidate candidate = SampleEvents.noMatch(SampleEvents.userMessage(account(), "在吗"), "no-rule-matched");

        DispatchOutcome outcome = publishAndAwait(SampleEvents.approved(candidate));

        assertEquals(Outcome.NO_MATCH, outcome.outcome());
        assertTrue(PlatformStub.to(candidate.inbound().conversationId()).isEmpty());
    }

    @Test
    void redeliveredRecordSendsOnceAndReplaysTheSameOutcome() {
        VettedReply reply = approved("只发一次");
        String json = EventJson.write(reply);
        String conversation = reply.candidate().inbound().conversationId();

        TopicProbe.send(Topics.REPLY_VETTED, conversation, json);
        TopicProbe.send(Topics.REPLY_VETTED, conversation, json);

        List<DispatchOutcome> both =
                outcomes.awaitRecords(DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT);
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> outcomes.records(DispatchOutcome.class, o -> conversation.equals(o.conversationId()))
                                .size()
                        == 2);
        List<DispatchOutcome> all =
                outcomes.records(DispatchOutcome.class, o -> conversation.equals(o.conversationId()));
        assertEquals(1, PlatformStub.to(conversation).size());
        assertEquals(all.get(0).outcomeId(), all.get(1).outcomeId());
        assertEquals(Outcome.SENT, both.get(0).outcome());
    }

    @Test
    void rateTooHighIsRetriedAndTheReplyStillLeaves() {
        VettedReply reply = approved("稍后再发");
        PlatformStub.failNext(reply.candidate().inbound().conversationId(), DouyinErrors.RATE_TOO_HIGH);

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertEquals(
                2, PlatformStub.to(reply.candidate().inbound().conversationId()).size());
    }

    @Test
    void notAuthorisedFailsWithoutRetry() {
        VettedReply reply = approved("无权发送");
        PlatformStub.failNext(reply.candidate().inbound().conversationId(), DouyinErrors.NOT_AUTHORISED);

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.FAILED, outcome.outcome());
        assertEquals("platform-" + DouyinErrors.NOT_AUTHORISED, outcome.detail());
        assertEquals(
                1, PlatformStub.to(reply.candidate().inbound().conversationId()).size());
    }

    @Test
    void replyPastItsDeadlineExpiresWithoutACall() {
        InboundEvent old = SampleEvents.userMessage(account(), "很久以前的消息");
        InboundEvent inbound = new InboundEvent(
                old.eventId(),
                old.kind(),
                old.clientKey(),
                old.accountOpenId(),
                old.userOpenId(),
                old.userNickname(),
                old.conversationId(),
                old.serverMessageId(),
                old.messageType(),
                old.text(),
                old.createdAt() - 120_000,
                old.receivedAt() - 120_000,
                Map.of(),
                old.traceId());
        VettedReply reply = SampleEvents.approved(SampleEvents.candidate(inbound, Tier.BASIC, "太晚了"));

        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.EXPIRED, outcome.outcome());
        assertTrue(PlatformStub.to(inbound.conversationId()).isEmpty());
    }

    /** Replies are in flight concurrently, but one conversation's leave in the order they came. */
    @Test
    void oneConversationsRepliesLeaveInOrderWhileOthersInterleave() {
        InboundEvent first = SampleEvents.userMessage(account(), "第一条");
        InboundEvent other = SampleEvents.userMessage(account(), "别的会话");
        List<VettedReply> replies = List.of(
                Messages.reply(first, Tier.BASIC, "回复一"),
                Messages.reply(other, Tier.BASIC, "别的回复"),
                Messages.reply(Messages.next(first, "第二条"), Tier.BASIC, "回复二"),
                Messages.reply(Messages.next(first, "第三条"), Tier.BASIC, "回复三"));
        replies.forEach(r ->
                TopicProbe.send(Topics.REPLY_VETTED, r.candidate().inbound().conversationId(), EventJson.write(r)));

        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> outcomes.records(
                                        DispatchOutcome.class,
                                        o -> first.conversationId().equals(o.conversationId()))
                                .size()
                        >= 3);

        List<String> texts = PlatformStub.to(first.conversationId()).stream()
                .map(r -> r.request().content().text().text())
                .toList();
        assertEquals(3, texts.size(), texts.toString());
        assertEquals("回复一", texts.get(0));
        assertEquals("回复二", texts.get(1));
        assertTrue(texts.get(2).startsWith("回复三"), texts.get(2));
    }

    /** A burst wider than the Redis pool: every reply still ends in an outcome, none in the dead-letter topic. */
    @Test
    void aBurstOfRepliesAllEndInOutcomes() {
        String account = account();
        List<VettedReply> burst = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i ->
                        Messages.reply(SampleEvents.userMessage(account + "-" + i, "第" + i + "条"), Tier.BASIC, "收到"))
                .toList();
        burst.forEach(r ->
                TopicProbe.send(Topics.REPLY_VETTED, r.candidate().inbound().conversationId(), EventJson.write(r)));

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> outcomes.records(
                                        DispatchOutcome.class,
                                        o -> o.accountOpenId().startsWith(account))
                                .size()
                        >= burst.size());
        assertTrue(
                outcomes.records(DispatchOutcome.class, o -> o.accountOpenId().startsWith(account)).stream()
                        .allMatch(o -> o.outcome() == Outcome.SENT));
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopic() {
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.REPLY_VETTED))) {
            TopicProbe.send(Topics.REPLY_VETTED, "k", "{\"candidate\": 42}");

            org.awaitility.Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream().anyMatch(r -> "{\"candidate\": 42}".equals(r.value())));
        }
        assertEquals(Outcome.SENT, publishAndAwait(approved("继续工作")).outcome());
    }

    private DispatchOutcome publishAndAwait(VettedReply reply) {
        String conversation = reply.candidate().inbound().conversationId();
        TopicProbe.send(Topics.REPLY_VETTED, conversation, EventJson.write(reply));
        return outcomes.awaitRecords(DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT)
                .get(0);
    }

    private static VettedReply approved(String text) {
        return SampleEvents.approved(candidate(text));
    }

    private static ReplyCandidate candidate(String text) {
        return SampleEvents.candidate(SampleEvents.userMessage(account(), "问一下"), Tier.BASIC, text);
    }

    private static String account() {
        return "acct-" + java.util.UUID.randomUUID();
    }
}
