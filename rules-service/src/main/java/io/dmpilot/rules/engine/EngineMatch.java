package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;

/**
 * An engine's answer before rendering.
 *
 * @param tier the tier of the engine that matched: its quota is charged
 * @param ruleId the rule or template that matched, for analytics and auto-disable
 */
public record EngineMatch(
        Tier tier, Scenario scenario, String ruleId, String template, List<String> keywords, double score) {}
