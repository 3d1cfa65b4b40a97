package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;

/** A scenario's template text as one user gets it: the base text, or their sticky A/B variant. */
public record ChosenTemplate(Scenario scenario, String text, String variant) {}
