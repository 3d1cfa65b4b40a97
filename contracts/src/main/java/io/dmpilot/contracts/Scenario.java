package io.dmpilot.contracts;

/** Conversation scenarios of seed §2 plus the operational ones of DESIGN §5. */
public enum Scenario {
    PRODUCT_INQUIRY,
    AFTER_SALES,
    WELCOME,
    OFF_HOURS,
    CRISIS,
    FALLBACK
}
