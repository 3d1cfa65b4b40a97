package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;

/**
 * An engine's answer before rendering.
 *
 * @param tier the tier of the engine that matched: its quota is charged
 * @param ruleId the rule or template that matched, for analytics and auto-disable
 * @param variant the A/B variant of the scenario's template that was chosen, or null
 */
public record EngineMatch(
        Tier tier,
        Scenario scenario,
        String ruleId,
        String template,
        List<String> keywords,
        double score,
        String variant) {

    public EngineMatch(
            Tier tier, Scenario scenario, String ruleId, String template, List<String> keywords, double score) {
        this(tier, scenario, ruleId, template, keywords, score, null);
    }

    /** The same match answering with {@code text} (the LLM's wording of the template). */
    public EngineMatch withTemplate(String text) {
        return new EngineMatch(tier, scenario, ruleId, text, keywords, score, variant);
    }

    /** The reply of {@code scenario}'s template as chosen for the user (a variant when the scenario has some). */
    static EngineMatch of(Tier tier, String ruleId, List<String> keywords, ChosenTemplate chosen) {
        return new EngineMatch(tier, chosen.scenario(), ruleId, chosen.text(), keywords, 1.0, chosen.variant());
    }
}
