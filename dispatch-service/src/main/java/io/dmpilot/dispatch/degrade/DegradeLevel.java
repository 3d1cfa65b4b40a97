package io.dmpilot.dispatch.degrade;

import io.dmpilot.contracts.Tier;

/**
 * How far dispatch has degraded (seed §7): under load a CUSTOM reply is charged against a cheaper tier's
 * quota, so more replies leave before their 90 s deadline. Only CUSTOM replies move; the text is the one
 * rules already wrote, the outcome says the reply was degraded.
 */
public enum DegradeLevel {
    NORMAL(Tier.CUSTOM),
    ADVANCED(Tier.ADVANCED),
    BASIC(Tier.BASIC);

    private final Tier customChargedAs;

    DegradeLevel(Tier customChargedAs) {
        this.customChargedAs = customChargedAs;
    }

    /** The tier whose quota a reply of {@code tier} is charged against at this level. */
    public Tier charge(Tier tier) {
        return tier == Tier.CUSTOM ? customChargedAs : tier;
    }

    DegradeLevel down() {
        return this == BASIC ? ADVANCED : NORMAL;
    }
}
