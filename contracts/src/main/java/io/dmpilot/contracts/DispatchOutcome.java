package io.dmpilot.contracts;

/**
 * What happened to an inbound message, on {@code dm.dispatch-outcomes.v1}. Timings are epoch milliseconds,
 * zero where a step did not happen (a blocked reply has no {@code sentAt}).
 *
 * @param outcomeId unique per outcome, the idempotency key of analytics
 * @param detail a short machine-readable reason (platform error code, quota, lexicon category)
 */
public record DispatchOutcome(
        String outcomeId,
        String inboundEventId,
        String candidateId,
        String conversationId,
        String accountOpenId,
        Tier tier,
        Scenario scenario,
        String ruleId,
        String variant,
        Outcome outcome,
        String detail,
        long receivedAt,
        long candidateAt,
        long vettedAt,
        long decidedAt) {}
