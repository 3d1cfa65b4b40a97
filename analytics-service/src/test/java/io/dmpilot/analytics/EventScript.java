package io.dmpilot.analytics;

import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.ConversionKind;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TopicProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the events of one account's conversations to their topics, each record twice (a redelivery), all
 * under one Kafka key so each topic's records stay in one partition in the order written.
 */
final class EventScript {
    private final String account;
    private final String kafkaKey;
    private final List<String[]> records = new ArrayList<>();

    EventScript(String account) {
        this(account, account);
    }

    EventScript(String account, String kafkaKey) {
        this.account = account;
        this.kafkaKey = kafkaKey;
    }

    InboundEvent message(String conversation, String text, long receivedAt) {
        String id = UUID.randomUUID().toString();
        InboundEvent event = new InboundEvent(
                "im_receive_msg:" + id,
                InboundKind.USER_MESSAGE,
                "sim-app",
                account,
                "user-" + conversation,
                "小王",
                conversation,
                id,
                "text",
                text,
                receivedAt,
                receivedAt,
                Map.of(),
                "trace-" + id);
        add(Topics.INBOUND, event);
        return event;
    }

    ReplyCandidate candidate(
            InboundEvent inbound, Tier tier, Scenario scenario, String rule, String variant, List<String> keywords) {
        ReplyCandidate candidate = new ReplyCandidate(
                "cand:" + inbound.eventId(),
                inbound,
                "agency",
                tier,
                rule,
                scenario,
                variant,
                "回复",
                keywords,
                1.0,
                0,
                inbound.receivedAt() + 5,
                inbound.receivedAt() + 90_000,
                null);
        add(Topics.REPLY_CANDIDATES, candidate);
        return candidate;
    }

    /** Planned under load with a cheaper engine than the account's own ({@code tier} null: nothing matched). */
    void degradedCandidate(InboundEvent inbound, Tier tier, String reason) {
        add(
                Topics.REPLY_CANDIDATES,
                new ReplyCandidate(
                        "cand:" + inbound.eventId(),
                        inbound,
                        "agency",
                        tier,
                        tier == null ? null : "r-fallback",
                        tier == null ? null : Scenario.FALLBACK,
                        null,
                        tier == null ? null : "回复",
                        List.of(),
                        tier == null ? 0.0 : 1.0,
                        0,
                        inbound.receivedAt() + 5,
                        inbound.receivedAt() + 90_000,
                        tier == null ? "no rule matched" : null,
                        null,
                        null,
                        reason));
    }

    void noMatch(InboundEvent inbound) {
        add(
                Topics.REPLY_CANDIDATES,
                new ReplyCandidate(
                        "cand:" + inbound.eventId(),
                        inbound,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        0.0,
                        0,
                        inbound.receivedAt() + 5,
                        inbound.receivedAt() + 90_000,
                        "no rule matched"));
    }

    void vetted(ReplyCandidate candidate, Verdict verdict) {
        add(
                Topics.REPLY_VETTED,
                new VettedReply(candidate, verdict, candidate.text(), List.of(), candidate.createdAt() + 5));
    }

    void outcome(InboundEvent inbound, ReplyCandidate candidate, Outcome outcome, long responseMillis) {
        add(
                Topics.DISPATCH_OUTCOMES,
                new DispatchOutcome(
                        "out-" + UUID.randomUUID(),
                        inbound.eventId(),
                        candidate == null ? null : candidate.candidateId(),
                        inbound.conversationId(),
                        account,
                        candidate == null ? null : candidate.tier(),
                        candidate == null ? null : candidate.scenario(),
                        candidate == null ? null : candidate.ruleId(),
                        candidate == null ? null : candidate.variant(),
                        outcome,
                        null,
                        inbound.receivedAt(),
                        inbound.receivedAt() + 5,
                        inbound.receivedAt() + 10,
                        inbound.receivedAt() + responseMillis,
                        0L));
    }

    void conversion(String conversation, long at) {
        add(
                Topics.CONVERSIONS,
                new Conversion(
                        "order-" + UUID.randomUUID(),
                        ConversionKind.ORDER_PLACED,
                        account,
                        conversation,
                        "user-" + conversation,
                        19_900,
                        "CNY",
                        at));
    }

    /** Every record twice in a row: the second is a redelivery and must change nothing. */
    void sendTwice() {
        for (String[] record : records) {
            TopicProbe.send(record[0], kafkaKey, record[1]);
            TopicProbe.send(record[0], kafkaKey, record[1]);
        }
    }

    /** What was written so far, as {topic, JSON} pairs in order, for tests that skip Kafka. */
    List<String[]> records() {
        return List.copyOf(records);
    }

    private void add(String topic, Object event) {
        records.add(new String[] {topic, EventJson.write(event)});
    }
}
