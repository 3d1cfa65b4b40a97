package io.dmpilot.analytics;

import io.dmpilot.contracts.Outcome;
import java.util.Optional;

/**
 * What analytics counts per account: every user message received, and the terminal outcome it ended in
 * (DESIGN §1). Their difference is what is still in flight. Stored by name, so adding a value later needs
 * no schema change.
 */
public enum CountedOutcome {
    RECEIVED,
    SENT,
    HANDED_OFF,
    BLOCKED,
    NO_MATCH,
    EXPIRED,
    FAILED;

    /** The counted form of a dispatch outcome; empty for intermediate ones, which would count a message twice. */
    public static Optional<CountedOutcome> of(Outcome outcome) {
        return outcome.terminal() ? Optional.of(valueOf(outcome.name())) : Optional.empty();
    }
}
