package io.dmpilot.contracts;

/** What became of an inbound message. Every message ends in exactly one terminal outcome (DESIGN §1). */
public enum Outcome {
    SENT(true),
    HANDED_OFF(true),
    BLOCKED(true),
    NO_MATCH(true),
    EXPIRED(true),
    FAILED(true),
    /** Intermediate: over quota, waiting for a token before the deadline. */
    DEFERRED(false);

    private final boolean terminal;

    Outcome(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
