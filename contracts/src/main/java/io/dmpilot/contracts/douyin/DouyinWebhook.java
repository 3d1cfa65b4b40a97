package io.dmpilot.contracts.douyin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmpilot.contracts.serde.EventJson;
import java.nio.charset.StandardCharsets;

/**
 * Builds webhook bodies exactly as the Douyin Open Platform sends them (DESIGN §10). The simulator and the
 * tests use it, so both speak the platform's field names and nothing else.
 *
 * @param from sender open id (the user for {@code im_receive_msg}, the account for {@code im_send_msg})
 * @param to receiver open id
 * @param source for {@code im_send_msg}: our client_key when the API sent it, empty when a person did
 */
public record DouyinWebhook(
        String event,
        String clientKey,
        String from,
        String to,
        String conversationShortId,
        String serverMessageId,
        String text,
        String source,
        String nickname,
        long createTime) {

    public static DouyinWebhook userMessage(
            String clientKey, String account, String user, String conversation, String messageId, String text) {
        return new DouyinWebhook(
                "im_receive_msg", clientKey, user, account, conversation, messageId, text, "", null, now());
    }

    public static DouyinWebhook sendEcho(
            String clientKey, String account, String user, String conversation, String messageId, String text) {
        return new DouyinWebhook(
                "im_send_msg", clientKey, account, user, conversation, messageId, text, clientKey, null, now());
    }

    public static DouyinWebhook appReply(
            String clientKey, String account, String user, String conversation, String messageId, String text) {
        return new DouyinWebhook(
                "im_send_msg", clientKey, account, user, conversation, messageId, text, "", null, now());
    }

    public DouyinWebhook withNickname(String nick) {
        return new DouyinWebhook(
                event, clientKey, from, to, conversationShortId, serverMessageId, text, source, nick, createTime);
    }

    /** The body with {@code content} as an object, or as a JSON string (the platform does both). */
    public byte[] body(boolean contentAsString) {
        ObjectNode content = EventJson.mapper().createObjectNode();
        content.put("conversation_short_id", conversationShortId);
        content.put("server_message_id", serverMessageId);
        content.put("conversation_type", 1);
        content.put("message_type", "text");
        content.put("text", text);
        content.put("source", source);
        content.put("create_time", createTime);
        ObjectNode user = content.putArray("user_infos").addObject();
        user.put("open_id", event.equals("im_send_msg") ? to : from);
        user.put("nick_name", nickname == null ? "" : nickname);
        user.put("avatar", "");
        ObjectNode envelope = EventJson.mapper().createObjectNode();
        envelope.put("event", event);
        envelope.put("from_user_id", from);
        envelope.put("to_user_id", to);
        envelope.put("client_key", clientKey);
        envelope.put("log_id", "log-" + serverMessageId);
        if (contentAsString) {
            envelope.put("content", content.toString());
        } else {
            envelope.set("content", content);
        }
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] handshake(String clientKey, long challenge) {
        ObjectNode envelope = EventJson.mapper().createObjectNode();
        envelope.put("event", "verify_webhook");
        envelope.put("client_key", clientKey);
        envelope.putObject("content").put("challenge", challenge);
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
