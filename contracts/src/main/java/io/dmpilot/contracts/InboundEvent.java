package io.dmpilot.contracts;

import java.util.Map;

/**
 * A normalized Douyin webhook event on {@code dm.inbound.v1}, keyed by {@link #conversationId}.
 *
 * @param eventId unique per platform message (derived from {@code server_message_id}), the idempotency key downstream
 * @param accountOpenId the enterprise account the conversation belongs to
 * @param userOpenId the Douyin user on the other side
 * @param createdAt platform creation time, epoch milliseconds
 * @param receivedAt when ingest accepted the webhook, epoch milliseconds: the start of every latency figure
 * @param context extra platform context (video id, ad info) kept as strings for analytics
 */
public record InboundEvent(
        String eventId,
        InboundKind kind,
        String clientKey,
        String accountOpenId,
        String userOpenId,
        String userNickname,
        String conversationId,
        String serverMessageId,
        String messageType,
        String text,
        long createdAt,
        long receivedAt,
        Map<String, String> context,
        String traceId) {}
