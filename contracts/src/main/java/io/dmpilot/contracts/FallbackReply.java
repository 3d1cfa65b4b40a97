package io.dmpilot.contracts;

/**
 * The reply a cheaper tier's engine gives to the same message, carried beside a candidate so dispatch can still
 * answer when the candidate's own tier quota is used up and waiting would miss the deadline (DESIGN §4).
 *
 * @param tier the cheaper tier whose quota this reply is charged against
 */
public record FallbackReply(Tier tier, String ruleId, Scenario scenario, String text) {}
