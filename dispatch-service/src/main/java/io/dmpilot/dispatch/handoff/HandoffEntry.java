package io.dmpilot.dispatch.handoff;

import java.util.Map;

/**
 * A conversation waiting for a person, as operators see it.
 *
 * @param lastMessageId the user's newest message, the one a manual reply answers
 * @param lastMessageAt when the platform created it: the reply window runs from there
 * @param waitingMessages user messages no reply answered yet
 * @param claimedBy the operator working on it, null while unclaimed
 */
public record HandoffEntry(
        String conversationId,
        String accountOpenId,
        String userOpenId,
        String reason,
        long since,
        long ageSeconds,
        String lastMessageId,
        long lastMessageAt,
        String lastText,
        int waitingMessages,
        String claimedBy) {

    static HandoffEntry of(Map<String, String> fields, long now) {
        long since = Long.parseLong(fields.getOrDefault("since", "0"));
        return new HandoffEntry(
                fields.get("conversationId"),
                fields.get("accountOpenId"),
                fields.get("userOpenId"),
                fields.get("reason"),
                since,
                Math.max(0, (now - since) / 1000),
                fields.get("msgId"),
                Long.parseLong(fields.getOrDefault("msgAt", "0")),
                fields.get("lastText"),
                Integer.parseInt(fields.getOrDefault("waiting", "0")),
                fields.get("claimedBy"));
    }
}
