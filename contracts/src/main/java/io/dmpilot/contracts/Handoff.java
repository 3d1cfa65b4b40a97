package io.dmpilot.contracts;

/** A conversation that needs a human, on {@code dm.handoffs.v1}. */
public record Handoff(
        String handoffId,
        String conversationId,
        String accountOpenId,
        String userOpenId,
        HandoffReason reason,
        String note,
        String source,
        long at) {}
