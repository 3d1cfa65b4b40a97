package io.dmpilot.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents binary-mode headers (DESIGN §3) plus the trace id that follows a message end to end and the
 * enterprise account the record is about, so a consumer can name both in its logs without reading the payload.
 */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TRACE_ID = "dmpilot_trace_id";
    public static final String ACCOUNT = "dmpilot_account";

    /**
     * @param type the record's contract, e.g. {@code io.dmpilot.dm.inbound.v1}
     * @param source the producing service, e.g. {@code /dmpilot/ingest-service}
     */
    public static Headers of(String id, String type, String source, String traceId) {
        return of(id, type, source, traceId, null);
    }

    /** @param account the account open id the record is about; null for records about no one account */
    public static Headers of(String id, String type, String source, String traceId, String account) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, id);
        add(headers, TYPE, type);
        add(headers, SOURCE, source);
        add(headers, TIME, Instant.now().toString());
        if (traceId != null) {
            add(headers, TRACE_ID, traceId);
        }
        if (account != null) {
            add(headers, ACCOUNT, account);
        }
        return headers;
    }

    public static String typeOf(String topic) {
        return "io.dmpilot." + topic;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private CloudEventHeaders() {}
}
