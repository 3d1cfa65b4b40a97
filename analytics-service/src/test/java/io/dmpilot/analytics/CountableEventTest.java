package io.dmpilot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.serde.MalformedEventException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CountableEventTest {
    private static final long RECEIVED_AT = 1_700_000_000_000L;

    @ParameterizedTest
    @CsvSource({"USER_MESSAGE, true", "CHAT_OPENED, false", "HUMAN_REPLY, false", "SEND_ECHO, false", "RECALL, false"})
    void onlyUserMessagesCountAsReceived(InboundKind kind, boolean counted) {
        Optional<CountableEvent> event = CountableEvent.from(inbound("evt-1", kind, "acct"));

        assertEquals(counted, event.isPresent());
        event.ifPresent(e -> {
            assertEquals(CountedOutcome.RECEIVED, e.outcome());
            assertEquals("dm.inbound.v1:evt-1", e.eventKey());
            assertEquals("acct", e.accountOpenId());
            assertTrue(e.responseMillis().isEmpty());
        });
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyTerminalOutcomeIsCountedUnderItsOwnNameAndDeferredIsNot(Outcome outcome) {
        Optional<CountableEvent> event = CountableEvent.from(outcome("out-1", outcome, RECEIVED_AT, RECEIVED_AT + 10));

        assertEquals(outcome.terminal(), event.isPresent());
        event.ifPresent(e -> {
            assertEquals(outcome.name(), e.outcome().name());
            assertEquals("dm.dispatch-outcomes.v1:out-1", e.eventKey());
        });
    }

    @ParameterizedTest
    @CsvSource({
        // outcome, receivedAt offset (-1 = missing), response ms, expected timed ms (-1 = none), within 90 s
        "SENT,     0,  1500,  1500,  true",
        "SENT,     0, 90000, 90000,  true",
        "SENT,     0, 90001, 90001,  false",
        "SENT,    -1,  1500,    -1,  false",
        "SENT,     0, -5000,    -1,  false",
        "BLOCKED,  0,  1500,    -1,  false",
        "EXPIRED,  0, 95000,    -1,  false"
    })
    void onlySentRepliesWithBothTimingsHaveAResponseTime(
            Outcome outcome, long receivedOffset, long responseMillis, long expectedMillis, boolean within) {
        long receivedAt = receivedOffset < 0 ? 0 : RECEIVED_AT;
        CountableEvent event = CountableEvent.from(outcome("o", outcome, receivedAt, RECEIVED_AT + responseMillis))
                .orElseThrow();

        assertEquals(
                expectedMillis < 0 ? OptionalLong.empty() : OptionalLong.of(expectedMillis), event.responseMillis());
        assertEquals(within, event.answeredWithinWindow());
    }

    @Test
    void recordsMissingWhatTheContractPromisesAreMalformed() {
        assertThrows(
                MalformedEventException.class, () -> CountableEvent.from(inbound(null, InboundKind.USER_MESSAGE, "a")));
        assertThrows(
                MalformedEventException.class, () -> CountableEvent.from(inbound("e", InboundKind.USER_MESSAGE, " ")));
        assertThrows(MalformedEventException.class, () -> CountableEvent.from(inbound("e", null, "a")));
        assertThrows(MalformedEventException.class, () -> CountableEvent.from(outcome("o", null, 1, 2)));
        assertThrows(MalformedEventException.class, () -> CountableEvent.from(outcome("", Outcome.SENT, 1, 2)));
    }

    @Test
    void aNonUserMessageNeedsNoAccountToBeIgnored() {
        assertFalse(
                CountableEvent.from(inbound("e", InboundKind.SEND_ECHO, null)).isPresent());
    }

    private static InboundEvent inbound(String eventId, InboundKind kind, String account) {
        return new InboundEvent(
                eventId,
                kind,
                "app",
                account,
                "user",
                "小王",
                "conv",
                "msg",
                "text",
                "你好",
                RECEIVED_AT,
                RECEIVED_AT,
                Map.of(),
                "trace");
    }

    private static DispatchOutcome outcome(String outcomeId, Outcome outcome, long receivedAt, long decidedAt) {
        return new DispatchOutcome(
                outcomeId,
                "evt",
                "cand",
                "conv",
                "acct",
                null,
                null,
                null,
                null,
                outcome,
                null,
                receivedAt,
                0,
                0,
                decidedAt,
                0L);
    }
}
