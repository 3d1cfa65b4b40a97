package io.dmpilot.rules.engine;

/** One A/B variant of a scenario's template; {@code weight} is its share among the scenario's variants. */
public record TemplateVariantSpec(String name, String text, int weight) {}
