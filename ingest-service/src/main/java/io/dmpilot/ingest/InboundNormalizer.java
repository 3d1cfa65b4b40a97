package io.dmpilot.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.kit.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns a verified webhook envelope into the contract's inbound event. Pure: no I/O. */
public final class InboundNormalizer {
    private static final Set<String> STANDARD_FIELDS = Set.of(
            "conversation_short_id",
            "server_message_id",
            "conversation_type",
            "message_type",
            "text",
            "source",
            "create_time",
            "user_infos");

    public static InboundEvent normalize(WebhookEnvelope envelope, long receivedAt, String traceId) {
        InboundKind kind = kindOf(envelope);
        // our sends and a person's app replies go account → user; everything else user → account
        boolean fromAccount = kind == InboundKind.SEND_ECHO || kind == InboundKind.HUMAN_REPLY;
        String accountOpenId = required(fromAccount ? envelope.fromUserId() : envelope.toUserId(), fromAccount);
        String userOpenId = required(fromAccount ? envelope.toUserId() : envelope.fromUserId(), !fromAccount);
        String serverMessageId = envelope.requiredContent("server_message_id");
        return new InboundEvent(
                eventIdOf(envelope.event(), serverMessageId),
                kind,
                envelope.clientKey(),
                accountOpenId,
                userOpenId,
                nicknameOf(envelope.content(), userOpenId),
                envelope.requiredContent("conversation_short_id"),
                serverMessageId,
                envelope.contentText("message_type"),
                envelope.contentText("text"),
                envelope.contentLong("create_time"),
                receivedAt,
                contextOf(envelope.content()),
                traceId);
    }

    /** Stable across the platform's retries, so it is both the dedupe key and the downstream idempotency key. */
    public static String eventIdOf(String event, String serverMessageId) {
        return event + ":" + serverMessageId;
    }

    static InboundKind kindOf(WebhookEnvelope envelope) {
        return switch (envelope.event()) {
            case "im_receive_msg" -> InboundKind.USER_MESSAGE;
            case "im_enter_direct_msg" -> InboundKind.CHAT_OPENED;
            case "im_recall_msg" -> InboundKind.RECALL;
            case "im_send_msg" -> isOurSend(envelope) ? InboundKind.SEND_ECHO : InboundKind.HUMAN_REPLY;
            default -> throw ProblemException.invalidField("event", "unknown event " + envelope.event());
        };
    }

    /** Our API sends echo back with source = our client_key; a person in the Douyin app leaves it empty. */
    private static boolean isOurSend(WebhookEnvelope envelope) {
        String source = envelope.contentText("source");
        return source != null && !source.isBlank() && source.equals(envelope.clientKey());
    }

    private static String required(String userId, boolean isFrom) {
        if (userId == null || userId.isBlank()) {
            String field = isFrom ? "from_user_id" : "to_user_id";
            throw ProblemException.invalidField(field, field + " is required");
        }
        return userId;
    }

    private static String nicknameOf(JsonNode content, String userOpenId) {
        JsonNode infos = content.get("user_infos");
        if (infos == null || !infos.isArray()) return null;
        for (JsonNode info : infos) {
            if (userOpenId.equals(WebhookEnvelope.text(info, "open_id"))) {
                return WebhookEnvelope.text(info, "nick_name");
            }
        }
        return null;
    }

    /** Non-standard content (video, ad context of im_enter_direct_msg) kept as strings for analytics. */
    private static Map<String, String> contextOf(JsonNode content) {
        Map<String, String> context = new LinkedHashMap<>();
        content.fields().forEachRemaining(field -> {
            if (!STANDARD_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                JsonNode value = field.getValue();
                context.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return context;
    }

    private InboundNormalizer() {}
}
