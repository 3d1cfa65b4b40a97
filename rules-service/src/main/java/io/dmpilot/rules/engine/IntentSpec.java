package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import java.util.List;

/**
 * A CUSTOM account's intent: phrases users write when they mean it, and the reply.
 *
 * @param examples what users write for this intent; a message is matched to the nearest example by meaning
 * @param templateText the intent's own reply; null answers with the account's template for {@code scenario}
 */
public record IntentSpec(String id, Scenario scenario, List<String> examples, String templateText) {}
