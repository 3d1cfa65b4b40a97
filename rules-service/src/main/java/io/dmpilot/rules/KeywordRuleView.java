package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.rules.engine.MatchMode;
import java.util.List;

public record KeywordRuleView(
        long id,
        String accountOpenId,
        int priority,
        MatchMode matchMode,
        List<String> keywords,
        List<String> exclusions,
        Scenario scenario,
        String templateText,
        boolean enabled,
        String disabledReason) {
    static KeywordRuleView of(KeywordRule rule) {
        return new KeywordRuleView(
                rule.id,
                rule.accountOpenId,
                rule.priority,
                rule.matchMode,
                rule.keywords,
                rule.exclusions,
                rule.scenario,
                rule.templateText,
                rule.enabled,
                rule.disabledReason);
    }
}
