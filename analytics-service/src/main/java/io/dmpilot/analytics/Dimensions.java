package io.dmpilot.analytics;

import io.dmpilot.contracts.Scenario;

/**
 * What a funnel row is broken down by besides account and hour. Stored as empty strings, not nulls: they are
 * part of the primary key, and "no scenario yet" (a message rules has not matched) is a value of its own.
 */
public record Dimensions(String scenario, String ruleId, String variant) {
    public static final Dimensions NONE = new Dimensions("", "", "");

    public static Dimensions of(Scenario scenario, String ruleId, String variant) {
        return new Dimensions(scenario == null ? "" : scenario.name(), orEmpty(ruleId), orEmpty(variant));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
