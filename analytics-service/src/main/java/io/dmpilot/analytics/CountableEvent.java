package io.dmpilot.analytics;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.MalformedEventException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The part of an event analytics counts: one outcome for one account, and for a sent reply how long the
 * user waited for it.
 *
 * @param eventKey the idempotency key, prefixed with the topic so ids of different topics never collide
 * @param responseMillis receivedAt → decidedAt of a sent reply; empty for anything else or missing timings
 */
public record CountableEvent(
        String eventKey, String accountOpenId, CountedOutcome outcome, OptionalLong responseMillis) {
    /** Seed §8: the reply must leave within 90 s; the share answered inside it is a headline figure. */
    public static final Duration ANSWER_WINDOW = Duration.ofSeconds(90);

    /** Only user messages are counted: echoes, human replies and chat openings are not messages to answer. */
    public static Optional<CountableEvent> from(InboundEvent inbound) {
        require(inbound.kind() != null, "inbound event without kind");
        if (inbound.kind() != InboundKind.USER_MESSAGE) return Optional.empty();
        return Optional.of(new CountableEvent(
                key(Topics.INBOUND, inbound.eventId()),
                account(inbound.accountOpenId()),
                CountedOutcome.RECEIVED,
                OptionalLong.empty()));
    }

    public static Optional<CountableEvent> from(DispatchOutcome outcome) {
        require(outcome.outcome() != null, "dispatch outcome without outcome");
        return CountedOutcome.of(outcome.outcome())
                .map(counted -> new CountableEvent(
                        key(Topics.DISPATCH_OUTCOMES, outcome.outcomeId()),
                        account(outcome.accountOpenId()),
                        counted,
                        responseMillis(outcome)));
    }

    public boolean answeredWithinWindow() {
        return responseMillis.isPresent() && responseMillis.getAsLong() <= ANSWER_WINDOW.toMillis();
    }

    private static OptionalLong responseMillis(DispatchOutcome outcome) {
        // zero timings mean "step did not happen" (contract); such a record must not drag the mean to 0 or ∞
        boolean timed = outcome.receivedAt() > 0 && outcome.decidedAt() >= outcome.receivedAt();
        return outcome.outcome() == Outcome.SENT && timed
                ? OptionalLong.of(outcome.decidedAt() - outcome.receivedAt())
                : OptionalLong.empty();
    }

    private static String key(String topic, String id) {
        require(id != null && !id.isBlank(), "event without id on " + topic);
        return topic + ":" + id;
    }

    private static String account(String accountOpenId) {
        require(accountOpenId != null && !accountOpenId.isBlank(), "event without accountOpenId");
        return accountOpenId;
    }

    /** A record missing what the contract promises is malformed: it goes to the dead-letter topic. */
    private static void require(boolean condition, String problem) {
        if (!condition) throw new MalformedEventException(problem, null);
    }
}
