package io.dmpilot.dispatch;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.Handoff;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-offs compliance raises from what the user wrote: the queue, the pause, and the reply that must not go. */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class ScreenedHandoffTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TopicProbe outcomes;
    private TopicProbe handoffs;

    @BeforeEach
    void openProbes() {
        outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES);
        handoffs = TopicProbe.open(Topics.HANDOFFS);
    }

    @AfterEach
    void closeProbes() {
        outcomes.close();
        handoffs.close();
    }

    @Test
    void aHandoffFromCompliancePausesTheConversationUntilReleased() {
        InboundEvent crisis = SampleEvents.userMessage(Messages.account(), "我不想活了");
        String account = crisis.accountOpenId();
        String conversation = crisis.conversationId();
        publish(fromCompliance(crisis, HandoffReason.CRISIS));
        awaitQueued(account, conversation, "CRISIS");

        InboundEvent next = Messages.next(crisis, "在吗");
        VettedReply reply = Messages.reply(next, Tier.BASIC, "您好，在的");
        send(reply);

        assertEquals("awaiting-human", awaitOutcome(reply, Outcome.HANDED_OFF).detail());
        assertTrue(PlatformStub.to(conversation).isEmpty(), "nothing reached the platform");
        asSuperadmin()
                .get("/handoffs/{a}/{c}", account, conversation)
                .then()
                .statusCode(200)
                .body("lastMessageId", equalTo(next.serverMessageId()))
                .body("waitingMessages", equalTo(1));

        asSuperadmin()
                .post("/handoffs/{a}/{c}/release", account, conversation)
                .then()
                .statusCode(204);
        VettedReply after = Messages.reply(Messages.next(crisis, "谢谢"), Tier.BASIC, "不客气");
        send(after);

        awaitOutcome(after, Outcome.SENT);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> PlatformStub.to(conversation).size() == 1);
    }

    /** The reply races compliance's hand-off record: whichever comes first, one entry, nothing sent. */
    @Test
    void theHeldReplyToTheScreenedMessageIsHandedOffAndQueuedBeforeTheHandoffRecord() {
        InboundEvent crisis = SampleEvents.userMessage(Messages.account(), "我弄死你");
        String account = crisis.accountOpenId();
        String conversation = crisis.conversationId();
        VettedReply held = new VettedReply(
                SampleEvents.candidate(crisis, Tier.BASIC, "您好"),
                Verdict.BLOCKED,
                "",
                List.of(),
                System.currentTimeMillis(),
                HandoffReason.HARASSMENT);
        send(held);

        assertEquals(
                "inbound-harassment", awaitOutcome(held, Outcome.HANDED_OFF).detail());
        awaitQueued(account, conversation, "HARASSMENT");

        Handoff late = fromCompliance(crisis, HandoffReason.HARASSMENT);
        publish(late);
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> handoffs.records(Handoff.class, late::equals).size() > 0);
        VettedReply next = Messages.reply(Messages.next(crisis, "说话"), Tier.BASIC, "您好");
        send(next);

        awaitOutcome(next, Outcome.HANDED_OFF);
        asSuperadmin()
                .get("/handoffs/{a}", account)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].reason", equalTo("HARASSMENT"))
                .body("[0].waitingMessages", equalTo(2));
        assertTrue(PlatformStub.to(conversation).isEmpty());
        assertTrue(
                handoffs.records(
                                Handoff.class,
                                h -> conversation.equals(h.conversationId()) && "dispatch-service".equals(h.source()))
                        .isEmpty(),
                "compliance announced it: dispatch does not again");
    }

    /** No rule answered the screened message: the queue still shows it, so the operator can answer it. */
    @Test
    void aMessageNoRuleAnsweredIsStillTheOneTheOperatorAnswers() {
        InboundEvent crisis = SampleEvents.userMessage(Messages.account(), "我不想活了");
        publish(fromCompliance(crisis, HandoffReason.CRISIS));
        awaitQueued(crisis.accountOpenId(), crisis.conversationId(), "CRISIS");

        VettedReply noMatch = SampleEvents.approved(SampleEvents.noMatch(crisis, "no-rule-matched"));
        send(noMatch);

        awaitOutcome(noMatch, Outcome.NO_MATCH);
        asSuperadmin()
                .get("/handoffs/{a}/{c}", crisis.accountOpenId(), crisis.conversationId())
                .then()
                .statusCode(200)
                .body("lastMessageId", equalTo(crisis.serverMessageId()))
                .body("lastText", equalTo("我不想活了"))
                .body("waitingMessages", equalTo(1));
    }

    /** Records of one conversation stay in order: dispatch's own (AUTO_REPLY_CAP) would have won the entry. */
    @Test
    void handoffsDispatchRaisedItselfAreNotQueuedAgain() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "投诉");
        Handoff own = new Handoff(
                "handoff:own-" + UUID.randomUUID(),
                inbound.conversationId(),
                inbound.accountOpenId(),
                inbound.userOpenId(),
                HandoffReason.AUTO_REPLY_CAP,
                "auto-reply-cap",
                "dispatch-service",
                System.currentTimeMillis());
        publish(own);
        publish(fromCompliance(inbound, HandoffReason.COMPLAINT));

        awaitQueued(inbound.accountOpenId(), inbound.conversationId(), "COMPLAINT");
    }

    @Test
    void malformedHandoffRecordsGoToTheDeadLetterTopic() {
        String garbage =
                "{\"handoffId\":\"h-" + UUID.randomUUID() + "\",\"reason\":\"CRISIS\",\"source\":\"x\",\"at\":1}";
        String notJson = "not json " + UUID.randomUUID();
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.HANDOFFS))) {
            TopicProbe.send(Topics.HANDOFFS, "k", garbage);
            TopicProbe.send(Topics.HANDOFFS, "k", notJson);

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream()
                            .anyMatch(
                                    r -> garbage.equals(r.value()) && reason(r).contains("hand-off without")));
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream().anyMatch(r -> notJson.equals(r.value())));
        }
        InboundEvent after = SampleEvents.userMessage(Messages.account(), "投诉");
        publish(fromCompliance(after, HandoffReason.COMPLAINT));
        awaitQueued(after.accountOpenId(), after.conversationId(), "COMPLAINT");
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Handoff fromCompliance(InboundEvent inbound, HandoffReason reason) {
        return new Handoff(
                "handoff:compliance:" + inbound.eventId(),
                inbound.conversationId(),
                inbound.accountOpenId(),
                inbound.userOpenId(),
                reason,
                "the user wrote \"" + inbound.text() + "\"",
                "compliance-service",
                System.currentTimeMillis());
    }

    private static void publish(Handoff handoff) {
        TopicProbe.send(Topics.HANDOFFS, handoff.conversationId(), EventJson.write(handoff));
    }

    private static void send(VettedReply reply) {
        TopicProbe.send(Topics.REPLY_VETTED, reply.candidate().inbound().conversationId(), EventJson.write(reply));
    }

    private static void awaitQueued(String account, String conversation, String reason) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> asSuperadmin()
                                .get("/handoffs/{a}/{c}", account, conversation)
                                .statusCode()
                        == 200);
        asSuperadmin()
                .get("/handoffs/{a}/{c}", account, conversation)
                .then()
                .statusCode(200)
                .body("reason", equalTo(reason));
    }

    /**
     * The outcome expected: a dispatch-service of an older build running on the same broker (the local stack)
     * may publish one for the same candidate too.
     */
    private DispatchOutcome awaitOutcome(VettedReply reply, Outcome expected) {
        String candidate = reply.candidate().candidateId();
        return outcomes.awaitRecords(
                        DispatchOutcome.class, o -> candidate.equals(o.candidateId()) && o.outcome() == expected, WAIT)
                .get(0);
    }
}
