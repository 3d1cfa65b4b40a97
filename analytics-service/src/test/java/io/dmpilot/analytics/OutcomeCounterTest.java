package io.dmpilot.analytics;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class OutcomeCounterTest {
    /** Generous: the first test also waits for the consumer group to form and read the topics' backlog. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void userMessagesCountAsReceivedAndTerminalOutcomesAreCounted() {
        String account = newAccount();
        InboundEvent first = SampleEvents.userMessage(account, "这个多少钱");
        InboundEvent second = SampleEvents.userMessage(account, "在吗");
        send(first);
        send(second);
        send(outcome(first, Outcome.DEFERRED, 1_000));
        send(outcome(first, Outcome.SENT, 1_500));
        send(outcome(second, Outcome.BLOCKED, 800));

        awaitCounts(account, Map.of(CountedOutcome.RECEIVED, 2L, CountedOutcome.SENT, 1L, CountedOutcome.BLOCKED, 1L));

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                // every meter also carries application="analytics-service" (service-kit's common tag)
                .body(matchesPattern("(?s).*dmpilot_outcomes_counted_total\\{[^}]*outcome=\"SENT\".*"))
                .body(matchesPattern("(?s).*dmpilot_outcomes_counted_total\\{[^}]*outcome=\"RECEIVED\".*"))
                .body(not(containsString(account)));
    }

    @Test
    void theSameOutcomeDeliveredTwiceCountsOnce() {
        String account = newAccount();
        InboundEvent inbound = SampleEvents.userMessage(account, "你好");
        DispatchOutcome sent = outcome(inbound, Outcome.SENT, 2_000);
        send(sent);
        send(sent);
        // same conversation key, so same partition: once this one is counted, the duplicate has been seen
        send(outcome(inbound, Outcome.FAILED, 3_000));

        awaitCounts(account, Map.of(CountedOutcome.SENT, 1L, CountedOutcome.FAILED, 1L));
        summary(account).then().body("answeredWithin90s", equalTo(1)).body("meanResponseMillis", equalTo(2000.0f));
    }

    @Test
    void onlyUserMessagesCountAsReceived() {
        String account = newAccount();
        InboundEvent message = SampleEvents.userMessage(account, "最后一条");
        for (InboundKind kind : InboundKind.values()) {
            if (kind != InboundKind.USER_MESSAGE) send(withKind(message, kind));
        }
        // sent last on the same conversation key: when it is counted, the other kinds have been consumed
        send(message);

        awaitCounts(account, Map.of(CountedOutcome.RECEIVED, 1L));
    }

    @Test
    void responseTimesGiveTheMeanAndTheRepliesAnsweredWithin90Seconds() {
        String account = newAccount();
        send(outcome(SampleEvents.userMessage(account, "快"), Outcome.SENT, 30_000));
        send(outcome(SampleEvents.userMessage(account, "慢"), Outcome.SENT, 120_000));
        send(outcome(SampleEvents.userMessage(account, "过期"), Outcome.EXPIRED, 95_000));

        awaitCounts(account, Map.of(CountedOutcome.SENT, 2L, CountedOutcome.EXPIRED, 1L));
        summary(account).then().body("answeredWithin90s", equalTo(1)).body("meanResponseMillis", equalTo(75000.0f));
    }

    @Test
    void malformedOutcomesGoToTheDeadLetterTopicAndCountingContinues() {
        String notJson = "{this is not an outcome " + UUID.randomUUID();
        // valid JSON with every timing, but no outcome: the contract check, not the parser, rejects it
        String withoutOutcome = "{\"outcomeId\": \"" + UUID.randomUUID() + "\", \"accountOpenId\": \"x\","
                + " \"receivedAt\": 1, \"candidateAt\": 2, \"vettedAt\": 3, \"decidedAt\": 4}";
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.DISPATCH_OUTCOMES))) {
            TopicProbe.send(Topics.DISPATCH_OUTCOMES, "bad-key", notJson);
            TopicProbe.send(Topics.DISPATCH_OUTCOMES, "bad-key", withoutOutcome);

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream()
                                    .filter(r -> notJson.equals(r.value()) || withoutOutcome.equals(r.value()))
                                    .count()
                            == 2);
        }
        String account = newAccount();
        send(outcome(SampleEvents.userMessage(account, "还在吗"), Outcome.HANDED_OFF, 500));

        awaitCounts(account, Map.of(CountedOutcome.HANDED_OFF, 1L));
    }

    @Test
    void anAccountNeverSeenAnswersZerosForEveryOutcome() {
        String account = newAccount();

        summary(account)
                .then()
                .statusCode(200)
                .body("accountOpenId", equalTo(account))
                .body("counts.size()", equalTo(CountedOutcome.values().length))
                .body("counts.RECEIVED", equalTo(0))
                .body("counts.NO_MATCH", equalTo(0))
                .body("answeredWithin90s", equalTo(0))
                .body("meanResponseMillis", equalTo(0.0f));
    }

    @Test
    void anOverlongAccountIdIsAProblemNamingTheField() {
        asSuperadmin()
                .get("/analytics/accounts/{id}/outcomes", "a".repeat(129))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("accountOpenId"));
    }

    private static void awaitCounts(String account, Map<CountedOutcome, Long> nonZero) {
        Map<CountedOutcome, Long> expected = allOutcomes(nonZero);
        Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> summary(account)
                                .then()
                                .statusCode(200)
                                .extract()
                                .as(OutcomeSummary.class)
                                .counts(),
                        equalTo(expected));
    }

    private static Response summary(String account) {
        return asSuperadmin().get("/analytics/accounts/{id}/outcomes", account);
    }

    /** Every outcome at zero except the ones given. */
    private static Map<CountedOutcome, Long> allOutcomes(Map<CountedOutcome, Long> nonZero) {
        Map<CountedOutcome, Long> counts = new EnumMap<>(CountedOutcome.class);
        for (CountedOutcome outcome : CountedOutcome.values()) counts.put(outcome, 0L);
        counts.putAll(nonZero);
        return counts;
    }

    private static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }

    private static void send(InboundEvent inbound) {
        TopicProbe.send(Topics.INBOUND, inbound.conversationId(), EventJson.write(inbound));
    }

    private static void send(DispatchOutcome outcome) {
        TopicProbe.send(Topics.DISPATCH_OUTCOMES, outcome.conversationId(), EventJson.write(outcome));
    }

    /** The outcome of an inbound message, decided {@code responseMillis} after ingest received it. */
    private static DispatchOutcome outcome(InboundEvent inbound, Outcome outcome, long responseMillis) {
        long received = inbound.receivedAt();
        return new DispatchOutcome(
                "out-" + UUID.randomUUID(),
                inbound.eventId(),
                "cand:" + inbound.eventId(),
                inbound.conversationId(),
                inbound.accountOpenId(),
                Tier.BASIC,
                Scenario.FALLBACK,
                "fixed:FALLBACK",
                null,
                outcome,
                null,
                received,
                received + 5,
                received + 10,
                received + responseMillis,
                0L);
    }

    private static InboundEvent withKind(InboundEvent event, InboundKind kind) {
        return new InboundEvent(
                kind + ":" + UUID.randomUUID(),
                kind,
                event.clientKey(),
                event.accountOpenId(),
                event.userOpenId(),
                event.userNickname(),
                event.conversationId(),
                event.serverMessageId(),
                event.messageType(),
                event.text(),
                event.createdAt(),
                event.receivedAt(),
                event.context(),
                event.traceId());
    }
}
