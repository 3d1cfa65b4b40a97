package io.dmpilot.testing;

import io.dmpilot.contracts.FallbackReply;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Realistic events for service tests: fresh ids every call, so tests sharing a topic never collide. */
public final class SampleEvents {
    public static InboundEvent userMessage(String account, String text) {
        return userMessageReceivedAgo(account, text, 0);
    }

    /** A user message ingest received {@code agoMillis} ago: a record coming back late, past its deadline. */
    public static InboundEvent userMessageReceivedAgo(String account, String text, long agoMillis) {
        String id = UUID.randomUUID().toString();
        return message(id, account, "user-" + id, "conv-" + id, "sim-app", text, agoMillis);
    }

    /** The same user's next message in the same conversation. */
    public static InboundEvent nextMessage(InboundEvent previous, String text) {
        return message(
                UUID.randomUUID().toString(),
                previous.accountOpenId(),
                previous.userOpenId(),
                previous.conversationId(),
                previous.clientKey(),
                text,
                0);
    }

    private static InboundEvent message(
            String id,
            String account,
            String user,
            String conversation,
            String clientKey,
            String text,
            long agoMillis) {
        long now = System.currentTimeMillis() - agoMillis;
        return new InboundEvent(
                "im_receive_msg:" + id,
                InboundKind.USER_MESSAGE,
                clientKey,
                account,
                user,
                "小王",
                conversation,
                id,
                "text",
                text,
                now,
                now,
                Map.of(),
                "trace-" + id);
    }

    public static ReplyCandidate candidate(InboundEvent inbound, Tier tier, String text) {
        return candidate(inbound, tier, "fixed:FALLBACK", text, null, null);
    }

    /** A matched candidate with every field a test may vary; scenario FALLBACK, due 90 s after receipt. */
    public static ReplyCandidate candidate(
            InboundEvent inbound, Tier tier, String ruleId, String text, FallbackReply fallback, Boolean offHours) {
        return new ReplyCandidate(
                "cand:" + inbound.eventId(),
                inbound,
                "demo-agency",
                tier,
                ruleId,
                Scenario.FALLBACK,
                null,
                text,
                List.of(),
                1.0,
                0,
                System.currentTimeMillis(),
                inbound.receivedAt() + 90_000,
                null,
                fallback,
                offHours);
    }

    public static ReplyCandidate noMatch(InboundEvent inbound, String reason) {
        return new ReplyCandidate(
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
                System.currentTimeMillis(),
                inbound.receivedAt() + 90_000,
                reason);
    }

    public static VettedReply approved(ReplyCandidate candidate) {
        return new VettedReply(candidate, Verdict.APPROVED, candidate.text(), List.of(), System.currentTimeMillis());
    }

    private SampleEvents() {}
}
