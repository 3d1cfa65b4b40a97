package io.dmpilot.contracts;

import java.util.List;

/** What compliance caught, on {@code compliance.violations.v1}. */
public record Violation(
        String violationId,
        String accountOpenId,
        String conversationId,
        String candidateId,
        String ruleId,
        Verdict verdict,
        List<Finding> findings,
        long at) {}
