package io.dmpilot.sim;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context for one simulated user message. Douyin sends none, so in production ingest starts each
 * trace; the simulator sends one so a test can check that the reply reaching the send API belongs to the same
 * trace as the webhook. Unsampled (flags 00): the trace id travels through every service and record, and no
 * span is exported, so no collector is needed.
 */
public record TraceParent(String traceId, String header) {
    public static TraceParent unsampled() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = hex(random.nextLong()) + hex(random.nextLong() | 1); // all zeros is invalid
        String spanId = hex(random.nextLong() | 1);
        return new TraceParent(traceId, "00-" + traceId + "-" + spanId + "-00");
    }

    /** The trace id of a {@code traceparent} header; null when there is none or it is malformed. */
    public static String traceIdOf(String header) {
        if (header == null) return null;
        String[] parts = header.trim().split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    private static String hex(long value) {
        return HexFormat.of().toHexDigits(value);
    }
}
