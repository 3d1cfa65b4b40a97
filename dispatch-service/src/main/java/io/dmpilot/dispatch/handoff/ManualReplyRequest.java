package io.dmpilot.dispatch.handoff;

import io.dmpilot.kit.ProblemException;

/** An operator's answer from the hand-off queue. */
public record ManualReplyRequest(String operator, String text) {
    void validate() {
        if (operator == null || operator.isBlank()) throw ProblemException.invalidField("operator", "required");
        if (text == null || text.isBlank()) throw ProblemException.invalidField("text", "required");
        if (text.length() > 1000) throw ProblemException.invalidField("text", "at most 1000 characters");
    }
}
