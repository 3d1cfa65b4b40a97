package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.kit.ProblemException;
import java.util.List;
import java.util.Locale;

/** Body of {@code POST/PUT /accounts/{openId}/intents}: a scenario and the phrases users write for it. */
public record IntentRequest(String scenario, List<String> examples, String templateText, Boolean enabled) {
    static final int MAX_EXAMPLES = 100;
    static final int MAX_EXAMPLE_LENGTH = 200;

    /** Checks every field and writes them into {@code intent}. */
    void applyTo(SemanticIntent intent) {
        intent.scenario = validScenario();
        intent.examples = validExamples();
        if (templateText != null) AccountRequest.requireText("templateText", templateText, 2000);
        intent.templateText = templateText;
        intent.enabled = enabled == null || enabled;
        intent.disabledReason = null;
    }

    private Scenario validScenario() {
        if (scenario == null || scenario.isBlank())
            throw ProblemException.invalidField("scenario", "scenario is required");
        try {
            return Scenario.valueOf(scenario.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("scenario", "unknown scenario " + scenario);
        }
    }

    private List<String> validExamples() {
        if (examples == null || examples.isEmpty() || examples.size() > MAX_EXAMPLES) {
            throw ProblemException.invalidField("examples", "between 1 and " + MAX_EXAMPLES + " examples are required");
        }
        for (String example : examples) {
            if (example == null
                    || example.isBlank()
                    || example.length() > MAX_EXAMPLE_LENGTH
                    || example.contains("\n")) {
                throw ProblemException.invalidField(
                        "examples", "examples must be 1–" + MAX_EXAMPLE_LENGTH + " characters on one line");
            }
        }
        return examples.stream().map(String::strip).distinct().toList();
    }
}
