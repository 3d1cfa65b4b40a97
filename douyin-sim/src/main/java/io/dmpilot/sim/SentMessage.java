package io.dmpilot.sim;

/**
 * What the simulated platform received on its send API, with its arrival time for latency figures and the W3C
 * trace id the request carried (null without a {@code traceparent} header).
 */
public record SentMessage(
        String accountOpenId,
        String msgId,
        String conversationId,
        String toUserId,
        String text,
        long receivedAt,
        String traceId) {}
