package io.dmpilot.dispatch;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.testing.SampleEvents;
import java.util.Map;
import java.util.UUID;

/** Events of one conversation for tests: a user's further messages, a person's answer, our send's echo. */
final class Messages {
    static String account() {
        return "acct-" + UUID.randomUUID();
    }

    /** A further user message in the conversation of {@code first}, created {@code agoMillis} ago. */
    static InboundEvent next(InboundEvent first, String text, long agoMillis) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        return new InboundEvent(
                "im_receive_msg:" + id,
                InboundKind.USER_MESSAGE,
                first.clientKey(),
                first.accountOpenId(),
                first.userOpenId(),
                first.userNickname(),
                first.conversationId(),
                id,
                "text",
                text,
                now - agoMillis,
                now,
                Map.of(),
                "trace-" + id);
    }

    static InboundEvent next(InboundEvent first, String text) {
        return next(first, text, 0);
    }

    /** The account's side of the conversation: a person in the app, or the echo of our send. */
    static InboundEvent fromAccount(InboundEvent first, InboundKind kind, String text) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        return new InboundEvent(
                "im_send_msg:" + id,
                kind,
                first.clientKey(),
                first.accountOpenId(),
                first.userOpenId(),
                null,
                first.conversationId(),
                "sent-" + id,
                "text",
                text,
                now,
                now,
                Map.of(),
                "trace-" + id);
    }

    static VettedReply reply(InboundEvent inbound, Tier tier, String text) {
        return SampleEvents.approved(SampleEvents.candidate(inbound, tier, text));
    }

    private Messages() {}
}
