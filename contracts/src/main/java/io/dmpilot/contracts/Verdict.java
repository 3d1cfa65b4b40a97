package io.dmpilot.contracts;

/** Compliance decision on a reply candidate (DESIGN §6). */
public enum Verdict {
    APPROVED,
    REWRITTEN,
    BLOCKED
}
