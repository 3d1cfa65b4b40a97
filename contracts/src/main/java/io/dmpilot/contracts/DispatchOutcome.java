package io.dmpilot.contracts;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * What happened to an inbound message, on {@code dm.dispatch-outcomes.v1}. Timings are epoch milliseconds,
 * zero where a step did not happen (a blocked reply has no {@code sentAt}).
 *
 * @param outcomeId unique per outcome, the idempotency key of analytics
 * @param detail a short machine-readable reason (platform error code, quota, lexicon category)
 * @param admittedAt Redis' clock when the tier's quota admitted the reply, the time its token counts from; 0 when
 *     the reply never took quota (added within v1: older records read as 0)
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
        long decidedAt,
        // absent (or null) in records written before it existed: 0 there; every other timing must be present
        @JsonSetter(nulls = Nulls.AS_EMPTY) long admittedAt) {}
