package io.dmpilot.kit;

import io.dmpilot.contracts.CloudEventHeaders;
import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

/**
 * Puts the conversation (the record key, DESIGN §3), the event id, the trace id, the account and its agency
 * (the tenant) of every consumed record into the log context, for every channel of every service: each line a
 * consumer logs, as text or JSON, names the conversation, account and tenant it is about, and one grep follows a
 * message through all five services. The trace id is the W3C trace OpenTelemetry continues from the record's
 * {@code traceparent} (ingest makes them the same), so logs and traces meet on it.
 */
@ApplicationScoped
public class RecordLogContext implements IncomingInterceptor {
    public static final String CONVERSATION_ID = "conversationId";
    public static final String EVENT_ID = "eventId";
    public static final String TRACE_ID = "traceId";
    public static final String ACCOUNT_ID = "accountId";
    public static final String AGENCY_ID = "agencyId";

    /** open id → agency, from memory only: a log line must never wait for another service. */
    private final UnaryOperator<String> agencyOf;

    @Inject
    public RecordLogContext(
            @ConfigProperty(name = "dmpilot.accounts.directory", defaultValue = "false") boolean directoryOn,
            Instance<AccountDirectory> directory) {
        this(
                directoryOn
                        ? openId -> directory
                                .get()
                                .find(openId)
                                .map(KnownAccount::agencyId)
                                .orElse(null)
                        : null);
    }

    /** Without an account directory (rules-service knows agencies from its own tables) no agency is logged here. */
    RecordLogContext(UnaryOperator<String> agencyOf) {
        this.agencyOf = agencyOf == null ? openId -> null : agencyOf;
    }

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(this::enter);
        return message;
    }

    void enter(IncomingKafkaRecordMetadata<?, ?> record) {
        put(CONVERSATION_ID, record.getKey() instanceof String key ? key : null);
        Headers headers = record.getHeaders();
        put(EVENT_ID, text(headers, CloudEventHeaders.ID));
        put(TRACE_ID, text(headers, CloudEventHeaders.TRACE_ID));
        String account = text(headers, CloudEventHeaders.ACCOUNT);
        put(ACCOUNT_ID, account);
        put(AGENCY_ID, account == null ? null : agencyOf.apply(account));
    }

    /** For code that learns the tenant of what it handles elsewhere than from a record (rules-service, ingest). */
    public static void tenant(String account, String agency) {
        put(ACCOUNT_ID, account);
        put(AGENCY_ID, agency);
    }

    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record without the field must not inherit the previous record's value on a reused thread. */
    static void put(String key, String value) {
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
