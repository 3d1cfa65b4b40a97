package io.dmpilot.contracts;

/** SmallRye channel names, one per topic; the topic itself is bound in each service's configuration. */
public final class Channels {
    public static final String INBOUND = "dm-inbound";
    public static final String REPLY_CANDIDATES = "dm-reply-candidates";
    public static final String REPLY_VETTED = "dm-reply-vetted";
    public static final String DISPATCH_OUTCOMES = "dm-dispatch-outcomes";
    public static final String HANDOFFS = "dm-handoffs";
    public static final String CONVERSIONS = "dm-conversions";
    public static final String VIOLATIONS = "compliance-violations";
    public static final String CONFIG_CHANGES = "config-changes";
    public static final String ANALYTICS_OUTCOMES = "analytics-outcomes";
    public static final String AUDIT_CHANGES = "audit-changes";

    private Channels() {}
}
