package io.dmpilot.dispatch.handoff;

import io.dmpilot.kit.ProblemException;

/** Who takes a conversation from the queue. */
public record ClaimRequest(String operator) {
    void validate() {
        if (operator == null || operator.isBlank()) throw ProblemException.invalidField("operator", "required");
    }
}
