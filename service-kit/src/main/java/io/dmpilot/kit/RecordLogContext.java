package io.dmpilot.kit;

import io.dmpilot.contracts.CloudEventHeaders;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

/**
 * Puts the conversation (the record key, DESIGN §3), the event id and the trace id of every consumed record
 * into the log context, for every channel of every service: each line a consumer logs, as text or JSON,
 * names the conversation it is about, and one grep follows a message through all five services.
 */
@ApplicationScoped
public class RecordLogContext implements IncomingInterceptor {
    public static final String CONVERSATION_ID = "conversationId";
    public static final String EVENT_ID = "eventId";
    public static final String TRACE_ID = "traceId";

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(RecordLogContext::enter);
        return message;
    }

    static void enter(IncomingKafkaRecordMetadata<?, ?> record) {
        put(CONVERSATION_ID, record.getKey() instanceof String key ? key : null);
        Headers headers = record.getHeaders();
        put(EVENT_ID, text(headers, CloudEventHeaders.ID));
        put(TRACE_ID, text(headers, CloudEventHeaders.TRACE_ID));
    }

    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record without the field must not inherit the previous record's value on a reused thread. */
    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void onMessageAck(Message<?> message) {}

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {}
}
