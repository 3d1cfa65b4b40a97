package io.dmpilot.rules;

import static io.dmpilot.rules.RulesApi.awaitCandidate;
import static io.dmpilot.rules.RulesApi.createAccount;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = TestServices.class,
        initArgs = @ResourceArg(name = "services", value = "kafka,redis,postgres"))
class ConversationStateTest {
    private TopicProbe candidates;

    @BeforeEach
    void openProbe() {
        candidates = TopicProbe.open(Topics.REPLY_CANDIDATES);
        RulesApi.awaitConsuming(candidates);
    }

    @AfterEach
    void closeProbe() {
        candidates.close();
    }

    @Test
    void newFollowersFirstMessageGetsTheWelcomeAndTheNextOneDoesNot() {
        String account = createAccount(Tier.ADVANCED, "固定回复");
        putTemplate(account, "WELCOME", "{nickname}欢迎关注！回复“福利”领取新人券，想了解哪款产品呢？");
        String user = "user-" + UUID.randomUUID();

        ReplyCandidate first =
                awaitCandidate(candidates, event(InboundKind.USER_MESSAGE, account, user, "c1", "这个多少钱"));
        ReplyCandidate second =
                awaitCandidate(candidates, event(InboundKind.USER_MESSAGE, account, user, "c1", "这个多少钱"));

        assertEquals(Scenario.WELCOME, first.scenario());
        assertEquals("小王欢迎关注！回复“福利”领取新人券，想了解哪款产品呢？", first.text());
        assertEquals(Scenario.PRODUCT_INQUIRY, second.scenario());
    }

    @Test
    void automaticRepliesInARowAreCountedAndAHumanReplyResetsThem() {
        String account = createAccount(Tier.BASIC, "固定回复");
        String user = "user-" + UUID.randomUUID();
        String conversation = "conv-" + UUID.randomUUID();

        for (int expected = 0; expected < 3; expected++) {
            ReplyCandidate candidate =
                    awaitCandidate(candidates, event(InboundKind.USER_MESSAGE, account, user, conversation, "在吗"));
            assertEquals(expected, candidate.autoRepliesInARow());
        }
        // same conversation key, same partition: the reset is applied before the next message is planned
        send(event(InboundKind.HUMAN_REPLY, account, user, conversation, "您好，我是客服小李"));

        ReplyCandidate afterHuman =
                awaitCandidate(candidates, event(InboundKind.USER_MESSAGE, account, user, conversation, "好的"));
        assertEquals(0, afterHuman.autoRepliesInARow());
    }

    @Test
    void aRedeliveredMessageKeepsTheCountItWasGivenTheFirstTime() {
        String account = createAccount(Tier.BASIC, "固定回复");
        String user = "user-" + UUID.randomUUID();
        InboundEvent first = event(InboundKind.USER_MESSAGE, account, user, "c-redelivery-" + user, "在吗");
        awaitCandidate(candidates, first);
        InboundEvent second = event(InboundKind.USER_MESSAGE, account, user, "c-redelivery-" + user, "在吗");
        awaitCandidate(candidates, second);

        send(second);

        Awaitility.await()
                .atMost(RulesApi.WAIT)
                .until(() -> candidatesFor(second).size() == 2);
        candidatesFor(second).forEach(c -> assertEquals(1, c.autoRepliesInARow()));
    }

    /** This service's candidates: another rules-service on the shared broker answers "unknown-account" (see RulesApi). */
    private List<ReplyCandidate> candidatesFor(InboundEvent inbound) {
        return candidates.records(
                ReplyCandidate.class, c -> c.inbound().eventId().equals(inbound.eventId()) && c.agencyId() != null);
    }

    @Test
    void templateVariantsAreStickyPerUserAndRecordedInTheCandidate() {
        String account = createAccount(Tier.BASIC, "基础文案");
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of(
                        "variants",
                        List.of(
                                Map.of("name", "A", "text", "文案A", "weight", 1),
                                Map.of("name", "B", "text", "文案B", "weight", 1))))
                .put("/accounts/{id}/templates/FALLBACK/variants", account)
                .then()
                .statusCode(200)
                .body("variants.size()", equalTo(2));

        for (int u = 0; u < 4; u++) {
            String user = "user-" + UUID.randomUUID();
            ReplyCandidate first =
                    awaitCandidate(candidates, event(InboundKind.USER_MESSAGE, account, user, "x" + u, "1"));
            ReplyCandidate again =
                    awaitCandidate(candidates, event(InboundKind.USER_MESSAGE, account, user, "y" + u, "2"));

            assertEquals("文案" + first.variant(), first.text());
            assertEquals(first.variant(), again.variant());
        }
    }

    @Test
    void withoutVariantsTheCandidateNamesNone() {
        String account = createAccount(Tier.BASIC, "基础文案");

        assertNull(awaitCandidate(candidates, event(InboundKind.USER_MESSAGE, account, "u", "c", "1"))
                .variant());
    }

    @Test
    void invalidVariantsAreRejectedWithTheFieldNamed() {
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("variants", List.of(Map.of("name", "A", "text", "文案A", "weight", 0))))
                .put("/accounts/{id}/templates/FALLBACK/variants", "demo-account")
                .then()
                .statusCode(400)
                .body("field", equalTo("weight"));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("variants", List.of()))
                .put("/accounts/{id}/templates/NOPE/variants", "demo-account")
                .then()
                .statusCode(400)
                .body("field", equalTo("scenario"));
    }

    private static void putTemplate(String account, String scenario, String text) {
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("text", text))
                .put("/accounts/{id}/templates/{scenario}", account, scenario)
                .then()
                .statusCode(200);
    }

    private static void send(InboundEvent event) {
        TopicProbe.send(Topics.INBOUND, event.conversationId(), EventJson.write(event));
    }

    private static InboundEvent event(InboundKind kind, String account, String user, String conversation, String text) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        return new InboundEvent(
                kind.name().toLowerCase() + ":" + id,
                kind,
                "sim-app",
                account,
                user,
                "小王",
                conversation + "-" + account,
                id,
                "text",
                text,
                now,
                now,
                Map.of(),
                "trace-" + id);
    }
}
