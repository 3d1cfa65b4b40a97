package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import java.util.List;

/**
 * A keyword rule detached from persistence.
 *
 * @param templateText the rule's own reply, or null to answer with the account's template for {@code scenario}
 */
public record KeywordRuleSpec(
        String id,
        int priority,
        MatchMode mode,
        List<String> keywords,
        List<String> exclusions,
        Scenario scenario,
        String templateText) {}
