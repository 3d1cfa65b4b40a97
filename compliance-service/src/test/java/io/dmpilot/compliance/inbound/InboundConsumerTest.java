package io.dmpilot.compliance.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.account.PolicySetup;
import io.dmpilot.contracts.Handoff;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class InboundConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AccountPolicies policies;

    @Inject
    MeterRegistry meters;

    @Inject
    CrisisConversations crisisConversations;

    private TopicProbe handoffs;

    @BeforeEach
    void openProbe() {
        handoffs = TopicProbe.open(Topics.HANDOFFS);
    }

    @AfterEach
    void closeProbe() {
        handoffs.close();
    }

    @Test
    void aUserInCrisisIsHandedToAHuman() {
        InboundEvent message = SampleEvents.userMessage("acct-i", "我真的 不 想 活 了");

        Handoff handoff = awaitHandoff(send(message));

        assertEquals(HandoffReason.CRISIS, handoff.reason());
        assertEquals(message.accountOpenId(), handoff.accountOpenId());
        assertEquals(message.userOpenId(), handoff.userOpenId());
        assertEquals("compliance-service", handoff.source());
        assertTrue(handoff.note().contains("不 想 活 了"), handoff.note());
    }

    @Test
    void complaintsAndThreatsAreHandedOffWithTheirReason() {
        assertEquals(
                HandoffReason.COMPLAINT,
                awaitHandoff(send(SampleEvents.userMessage("acct-i", "我要去12315投诉")))
                        .reason());
        assertEquals(
                HandoffReason.HARASSMENT,
                awaitHandoff(send(SampleEvents.userMessage("acct-i", "我弄死你"))).reason());
    }

    /** Records of one conversation stay in order: once the later one is handed off, the earlier was screened. */
    @Test
    void ordinaryMessagesAndOtherEventKindsRaiseNothing() {
        InboundEvent clean = SampleEvents.userMessage("acct-i", "这款还有货吗");
        InboundEvent opened = sameConversation(clean, InboundKind.CHAT_OPENED, "我要投诉");
        InboundEvent crisis = sameConversation(clean, InboundKind.USER_MESSAGE, "我想自杀");
        send(clean);
        send(opened);

        awaitHandoff(send(crisis));

        assertEquals(1, handoffsOf(clean.conversationId()));
    }

    @Test
    void aMessageOlderThanTheMaximumAgeIsNotScreened() {
        InboundEvent fresh = SampleEvents.userMessage("acct-i", "我想自杀");
        InboundEvent old = sameConversation(fresh, InboundKind.USER_MESSAGE, "我要投诉", Duration.ofDays(2));
        send(old);

        assertEquals(HandoffReason.CRISIS, awaitHandoff(send(fresh)).reason());
        assertEquals(1, handoffsOf(fresh.conversationId()));
    }

    @Test
    void anAccountWhosePolicyKeepsComplaintsIsNotHandedOffForThem() {
        String account = PolicySetup.accountHandingOffOnly(policies, "CRISIS");
        InboundEvent complaint = SampleEvents.userMessage(account, "我要投诉");
        InboundEvent crisis = sameConversation(complaint, InboundKind.USER_MESSAGE, "我不想活了");
        double kept = keptByPolicy();
        send(complaint);

        assertEquals(HandoffReason.CRISIS, awaitHandoff(send(crisis)).reason());
        // counted on this replica (another build on the shared local broker would not know the policy)
        assertEquals(kept + 1, keptByPolicy());
    }

    /** Under a crisis reply, the crisis switches the conversation; a later complaint in it is still handed off. */
    @Test
    void underACrisisReplyACrisisSwitchesTheConversationAndRaisesNoHandoff() {
        String account = PolicySetup.accountWithCrisisReply(policies, "请拨打心理援助热线");
        InboundEvent crisis = SampleEvents.userMessage(account, "我不想活了");
        InboundEvent complaint = sameConversation(crisis, InboundKind.USER_MESSAGE, "我要投诉");
        send(crisis);

        assertEquals(HandoffReason.COMPLAINT, awaitHandoff(send(complaint)).reason());
        assertEquals(1, handoffsOf(crisis.conversationId()), "the crisis itself raised none");
        assertTrue(crisisConversations
                .inCrisis(account, crisis.conversationId())
                .await()
                .atMost(WAIT));
        assertFalse(crisisConversations
                .inCrisis(account, "another-conversation")
                .await()
                .atMost(WAIT));
    }

    private double keptByPolicy() {
        var counter = meters.find("dmpilot_inbound_screened_total")
                .tags("result", "kept-by-policy", "reason", "COMPLAINT")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndScreeningGoesOn() {
        String garbage = "{\"kind\":\"NOT_A_KIND\"," + UUID.randomUUID() + "}";
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.INBOUND))) {
            TopicProbe.send(Topics.INBOUND, "k", garbage);

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream().anyMatch(r -> garbage.equals(r.value())));
        }
        awaitHandoff(send(SampleEvents.userMessage("acct-i", "我要举报你们")));
    }

    @Test
    void handOffsAreCountedByReasonWithoutAccountTags() {
        awaitHandoff(send(SampleEvents.userMessage("acct-i", "割腕")));

        var counter = meters.find("dmpilot_inbound_screened_total")
                .tags("result", "handed-off", "reason", "CRISIS")
                .counter();
        assertTrue(counter != null && counter.count() >= 1);
        assertTrue(meters.find("dmpilot_inbound_screened_total").meters().stream()
                .allMatch(m -> m.getId().getTag("account") == null));
    }

    /**
     * Distinct hand-offs of a conversation: a redelivery, or a compliance-service of another build running on
     * the same broker (the local stack), repeats the same hand-off id.
     */
    private long handoffsOf(String conversation) {
        return handoffs.records(Handoff.class, h -> h.conversationId().equals(conversation)).stream()
                .map(Handoff::handoffId)
                .distinct()
                .count();
    }

    private static InboundEvent sameConversation(InboundEvent first, InboundKind kind, String text) {
        return sameConversation(first, kind, text, Duration.ZERO);
    }

    private static InboundEvent sameConversation(InboundEvent first, InboundKind kind, String text, Duration ago) {
        String id = UUID.randomUUID().toString();
        return new InboundEvent(
                "im:" + id,
                kind,
                first.clientKey(),
                first.accountOpenId(),
                first.userOpenId(),
                first.userNickname(),
                first.conversationId(),
                id,
                "text",
                text,
                first.createdAt() - ago.toMillis(),
                first.receivedAt() - ago.toMillis(),
                Map.of(),
                first.traceId());
    }

    private static InboundEvent send(InboundEvent event) {
        TopicProbe.send(Topics.INBOUND, event.conversationId(), EventJson.write(event));
        return event;
    }

    private Handoff awaitHandoff(InboundEvent event) {
        return handoffs.awaitRecords(
                        Handoff.class, h -> h.handoffId().equals("handoff:compliance:" + event.eventId()), WAIT)
                .get(0);
    }
}
