package io.dmpilot.dispatch.handoff;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.contracts.Handoff;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.serde.MalformedEventException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a hand-off record needs before it may enter the queue; the rest goes to the dead-letter topic. */
class HandoffConsumerValidationTest {
    @ParameterizedTest(name = "id={0} conversation={1} account={2} user={3} reason={4} source={5} → valid {6}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "h1 | c1 | a1 | u1 | CRISIS | compliance-service | true",
                "h1 | c1 | a1 | u1 | COMPLAINT | rules-service | true",
                "h1 | c1 | a1 | u1 | AUTO_REPLY_CAP | dispatch-service | true",
                "NULL | c1 | a1 | u1 | CRISIS | compliance-service | false",
                "'' | c1 | a1 | u1 | CRISIS | compliance-service | false",
                "h1 | NULL | a1 | u1 | CRISIS | compliance-service | false",
                "h1 | ' ' | a1 | u1 | CRISIS | compliance-service | false",
                "h1 | c1 | NULL | u1 | CRISIS | compliance-service | false",
                "h1 | c1 | a1 | NULL | CRISIS | compliance-service | false",
                "h1 | c1 | a1 | u1 | NULL | compliance-service | false",
                "h1 | c1 | a1 | u1 | CRISIS | NULL | false",
                "h1 | c1 | a1 | u1 | CRISIS | '' | false",
            })
    void aHandoffNeedsItsIdConversationAccountUserReasonAndSource(
            String id,
            String conversation,
            String account,
            String user,
            HandoffReason reason,
            String source,
            boolean valid) {
        Handoff handoff = new Handoff(id, conversation, account, user, reason, null, source, 1L);

        if (valid) assertSame(handoff, HandoffConsumer.valid(handoff));
        else assertThrows(MalformedEventException.class, () -> HandoffConsumer.valid(handoff));
    }
}
