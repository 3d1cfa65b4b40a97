package io.dmpilot.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dmpilot.compliance")
public interface ComplianceConfig {
    /** Classpath lexicon that seeds an empty database and answers until the first load from it. */
    @WithDefault("lexicon/default.tsv")
    String lexicon();

    /** Classpath list of the crisis, harassment and complaint signals inbound screening looks for. */
    @WithDefault("lexicon/inbound-signals.tsv")
    String inboundSignals();

    /**
     * A user message older than this (since ingest received it) is not screened: a hand-off for it would reach
     * a human too late to matter, and a new consumer group must not flood the queue with the topic's history.
     */
    @WithDefault("PT24H")
    Duration inboundMaxAge();

    /** How long a conversation stays in the crisis scenario after the last crisis signal in it. */
    @WithDefault("PT24H")
    Duration crisisWindow();

    /** Blocks of one rule's template after which it is reported for disabling. */
    @WithDefault("3")
    int autoDisableAfter();
}
