package io.dmpilot.rules;

import io.dmpilot.kit.ProblemException;

/**
 * Body of {@code PUT /accounts/{id}/semantic-threshold}: the cosine similarity an intent must reach on this
 * account, above 0 and at most 1; null (or absent) clears it, so the deployment's default applies again.
 */
public record SemanticThresholdRequest(Double threshold) {
    void validate() {
        check("threshold", threshold);
    }

    /** The one rule for an account's threshold, wherever it is set; {@code field} is the body's name for it. */
    static void check(String field, Double threshold) {
        // written so NaN fails too
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            throw ProblemException.invalidField(
                    field, field + " must be above 0 and at most 1, or null for the default");
        }
    }
}
