package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import java.util.List;

public record IntentView(
        long id,
        Scenario scenario,
        List<String> examples,
        String templateText,
        boolean enabled,
        String disabledReason) {

    static IntentView of(SemanticIntent intent) {
        return new IntentView(
                intent.id,
                intent.scenario,
                intent.examples,
                intent.templateText,
                intent.enabled,
                intent.disabledReason);
    }
}
