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
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class HandoffQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConversationState conversations;

    @Inject
    DispatchConfig config;

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
    void thirdAutoReplyOffersHumanAndFourthIsHandedOff() {
        InboundEvent first = SampleEvents.userMessage(Messages.account(), "你好");
        String conversation = first.conversationId();
        List<InboundEvent> messages =
                List.of(first, Messages.next(first, "多少钱"), Messages.next(first, "有优惠吗"), Messages.next(first, "还在吗"));
        for (int i = 0; i < messages.size(); i++) {
            TopicProbe.send(
                    Topics.REPLY_VETTED,
                    conversation,
                    EventJson.write(Messages.reply(messages.get(i), Tier.BASIC, "自动回复" + (i + 1))));
        }

        List<DispatchOutcome> all = awaitOutcomes(conversation, 4);

        assertEquals(
                List.of(Outcome.SENT, Outcome.SENT, Outcome.SENT, Outcome.HANDED_OFF),
                all.stream().map(DispatchOutcome::outcome).toList());
        assertEquals("awaiting-human", all.get(3).detail());
        List<String> sent = PlatformStub.to(conversation).stream()
                .map(r -> r.request().content().text().text())
                .toList();
        assertEquals(List.of("自动回复1", "自动回复2", "自动回复3\n" + config.humanServiceEntry()), sent, "in order, entry on 3rd");
        Handoff handoff = handoffs.awaitRecords(Handoff.class, h -> conversation.equals(h.conversationId()), WAIT)
                .get(0);
        assertEquals(HandoffReason.AUTO_REPLY_CAP, handoff.reason());
        asSuperadmin()
                .get("/handoffs/{account}", first.accountOpenId())
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].conversationId", equalTo(conversation))
                .body("[0].reason", equalTo("AUTO_REPLY_CAP"))
                .body("[0].lastMessageId", equalTo(messages.get(3).serverMessageId()))
                .body("[0].waitingMessages", equalTo(1));
    }

    @Test
    void manualReplyFromTheQueueReachesThePlatformCountsAsHumanAndReleaseReturnsToAutomation() {
        InboundEvent inbound = handedOff();
        String account = inbound.accountOpenId();
        String conversation = inbound.conversationId();

        asSuperadmin()
                .contentType(ContentType.JSON)
                .body(Map.of("operator", "op-1"))
                .post("/handoffs/{a}/{c}/claim", account, conversation)
                .then()
                .statusCode(200)
                .body("claimedBy", equalTo("op-1"));
        asSuperadmin()
                .contentType(ContentType.JSON)
                .body(Map.of("operator", "op-1", "text", "您好，我是客服小李"))
                .post("/handoffs/{a}/{c}/reply", account, conversation)
                .then()
                .statusCode(200)
                .body("platformMessageId", equalTo("sent-" + inbound.serverMessageId()));

        List<PlatformStub.Received> sent = PlatformStub.to(conversation);
        assertEquals(1, sent.size());
        assertEquals("您好，我是客服小李", sent.get(0).request().content().text().text());
        assertEquals(inbound.serverMessageId(), sent.get(0).request().msgId());
        assertEquals(inbound.userOpenId(), sent.get(0).request().toUserId());
        assertEquals(
                0,
                conversations.autoRepliesInARow(account, conversation).await().atMost(WAIT));
        assertTrue(conversations.standing(inbound).await().atMost(WAIT).humanActive(), "a human reply pauses");

        asSuperadmin()
                .post("/handoffs/{a}/{c}/release", account, conversation)
                .then()
                .statusCode(204);
        asSuperadmin().get("/handoffs/{a}", account).then().statusCode(200).body("$", hasSize(0));
        asSuperadmin().get("/handoffs/{a}/{c}", account, conversation).then().statusCode(404);
    }

    @Test
    void answeringWithoutAClaimOrUnderAnotherOperatorsClaimIsAConflict() {
        InboundEvent inbound = handedOff();
        String account = inbound.accountOpenId();
        String conversation = inbound.conversationId();

        asSuperadmin()
                .contentType(ContentType.JSON)
                .body(Map.of("operator", "op-1", "text", "抢答"))
                .post("/handoffs/{a}/{c}/reply", account, conversation)
                .then()
                .statusCode(409);
        asSuperadmin()
                .contentType(ContentType.JSON)
                .body(Map.of("operator", "op-1"))
                .post("/handoffs/{a}/{c}/claim", account, conversation)
                .then()
                .statusCode(200);
        asSuperadmin()
                .contentType(ContentType.JSON)
                .body(Map.of("operator", "op-2"))
                .post("/handoffs/{a}/{c}/claim", account, conversation)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertTrue(PlatformStub.to(conversation).isEmpty());
    }

    @Test
    void unknownConversationsAndInvalidRequestsAreProblems() {
        asSuperadmin()
                .post("/handoffs/{a}/{c}/release", "nobody", "nothing")
                .then()
                .statusCode(404);
        asSuperadmin()
                .contentType(ContentType.JSON)
                .body(Map.of("operator", " "))
                .post("/handoffs/{a}/{c}/claim", "nobody", "nothing")
                .then()
                .statusCode(400)
                .body("field", equalTo("operator"));
        asSuperadmin()
                .get("/handoffs/{a}?limit=0", "nobody")
                .then()
                .statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void listOnlyShowsConversationsOlderThanTheAskedAge() {
        InboundEvent inbound = handedOff();
        asSuperadmin()
                .get("/handoffs/{a}?minAgeSeconds=3600", inbound.accountOpenId())
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        asSuperadmin()
                .get("/handoffs/{a}?minAgeSeconds=0", inbound.accountOpenId())
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    /** A conversation put in the queue directly, as an over-quota reply would. */
    private InboundEvent handedOff() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "我要人工");
        conversations.handOff(inbound, HandoffReason.OVER_QUOTA).await().atMost(WAIT);
        return inbound;
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
