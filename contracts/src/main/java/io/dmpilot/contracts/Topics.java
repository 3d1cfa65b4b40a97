package io.dmpilot.contracts;

import java.util.List;

/** Kafka topic names of DESIGN §3. Channel names drop the version: {@code dm-inbound} ↔ {@code dm.inbound.v1}. */
public final class Topics {
    public static final String INBOUND = "dm.inbound.v1";
    public static final String REPLY_CANDIDATES = "dm.reply-candidates.v1";
    public static final String REPLY_VETTED = "dm.reply-vetted.v1";
    public static final String DISPATCH_OUTCOMES = "dm.dispatch-outcomes.v1";
    public static final String HANDOFFS = "dm.handoffs.v1";
    public static final String CONVERSIONS = "dm.conversions.v1";
    public static final String VIOLATIONS = "compliance.violations.v1";
    public static final String CONFIG_CHANGES = "config.changes.v1";
    public static final String ANALYTICS_OUTCOMES = "analytics.outcomes.v1";
    public static final String AUDIT_CHANGES = "audit.changes.v1";

    /** Every topic the platform publishes, for scripts and checks that must cover them all. */
    public static final List<String> ALL = List.of(
            INBOUND,
            REPLY_CANDIDATES,
            REPLY_VETTED,
            DISPATCH_OUTCOMES,
            HANDOFFS,
            CONVERSIONS,
            VIOLATIONS,
            CONFIG_CHANGES,
            ANALYTICS_OUTCOMES,
            AUDIT_CHANGES);

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}
