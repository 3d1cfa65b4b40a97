package io.dmpilot.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "dmpilot.compliance")
public interface ComplianceConfig {
    /** Classpath lexicon that seeds an empty database and answers until the first load from it. */
    @WithDefault("lexicon/default.tsv")
    String lexicon();

    /**
     * Qualifications per account open id ({@code regulated} allows REGULATED terms). A config map until the
     * account service holds them.
     */
    Map<String, List<String>> qualifications();

    /** Blocks of one rule's template after which it is reported for disabling. */
    @WithDefault("3")
    int autoDisableAfter();
}
