package io.dmpilot.contracts.douyin;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform's answer to a send: {@code err_no} 0 means accepted; other codes are in {@link DouyinErrors}. */
public record DouyinSendResponse(
        @JsonProperty("err_no") long errNo,
        @JsonProperty("err_msg") String errMsg,
        @JsonProperty("log_id") String logId,
        @JsonProperty("data") Data data) {

    public record Data(@JsonProperty("msg_id") String msgId) {}

    public static DouyinSendResponse ok(String msgId, String logId) {
        return new DouyinSendResponse(0, "", logId, new Data(msgId));
    }

    public static DouyinSendResponse error(long code, String message, String logId) {
        return new DouyinSendResponse(code, message, logId, null);
    }
}
