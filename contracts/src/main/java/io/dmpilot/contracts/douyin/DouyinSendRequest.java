package io.dmpilot.contracts.douyin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the platform's {@code POST /im/send/msg/?open_id=…} (DESIGN §10). {@code msg_id} is the user
 * message being answered (valid 24 h), {@code conversation_id} its {@code conversation_short_id}.
 */
public record DouyinSendRequest(
        @JsonProperty("msg_id") String msgId,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("to_user_id") String toUserId,
        @JsonProperty("content") Content content,
        @JsonProperty("scene") String scene) {

    public static DouyinSendRequest text(String msgId, String conversationId, String toUserId, String text) {
        return new DouyinSendRequest(
                msgId, conversationId, toUserId, new Content("text", new Text(text)), "im_replay_msg");
    }

    public record Content(
            @JsonProperty("msg_type") String msgType,
            @JsonProperty("text") Text text) {}

    public record Text(@JsonProperty("text") String text) {}
}
