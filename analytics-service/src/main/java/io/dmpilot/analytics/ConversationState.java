package io.dmpilot.analytics;

import io.dmpilot.analytics.funnel.FunnelStep;

/**
 * What analytics remembers of one conversation to count the steps that depend on earlier events: a user
 * reply to a sent reply, a conversion after one, a move from one scenario to the next. Each method returns
 * the next state and adds what the event means to {@code out}. Pure, so every ordering is unit tested.
 *
 * @param lastSentHour the hour the last sent reply's message was received: replies and conversions count there
 * @param sentDims scenario, rule and variant of the last sent reply, to which a reply or conversion is credited
 * @param replied whether the last sent reply has been answered already (counted once per sent reply)
 * @param lastScenario the scenario of the conversation's latest matched candidate; empty before the first
 */
public record ConversationState(
        long lastUserAt,
        long lastSentAt,
        long lastSentHour,
        Dimensions sentDims,
        boolean replied,
        boolean converted,
        String lastScenario) {
    public static final ConversationState NEW = new ConversationState(0, 0, 0, Dimensions.NONE, false, false, "");

    /** A user message: answers the last sent reply if it came after it and nothing answered it yet. */
    public ConversationState userMessage(String account, long receivedAt, Aggregates out) {
        boolean answers = lastSentAt > 0 && !replied && receivedAt > lastSentAt;
        if (answers) out.funnel(account, lastSentHour, sentDims, FunnelStep.REPLIED.name());
        return new ConversationState(
                Math.max(lastUserAt, receivedAt),
                lastSentAt,
                lastSentHour,
                sentDims,
                replied || answers,
                converted,
                lastScenario);
    }

    /**
     * A sent reply. The topics are consumed independently, so the user's answer may have been seen first:
     * a user message later than this send counts as its reply now. An older send than the last is ignored.
     */
    public ConversationState sent(String account, long receivedAt, long decidedAt, Dimensions dims, Aggregates out) {
        if (decidedAt <= lastSentAt) return this;
        long hour = TimeBuckets.hourOf(receivedAt);
        boolean answered = lastUserAt > decidedAt;
        if (answered) out.funnel(account, hour, dims, FunnelStep.REPLIED.name());
        return new ConversationState(lastUserAt, decidedAt, hour, dims, answered, converted, lastScenario);
    }

    /** A conversion: the conversation converts once, credited to the last sent reply if there was one. */
    public ConversationState conversion(String account, long at, Aggregates out) {
        if (converted) return this;
        long hour = lastSentAt > 0 ? lastSentHour : TimeBuckets.hourOf(at);
        out.funnel(account, hour, sentDims, FunnelStep.CONVERTED.name());
        return new ConversationState(lastUserAt, lastSentAt, lastSentHour, sentDims, replied, true, lastScenario);
    }

    /** A matched candidate's scenario: a transition from the previous one, if any (the same one included). */
    public ConversationState scenario(String account, long receivedAt, String scenario, Aggregates out) {
        if (!lastScenario.isEmpty()) out.transition(account, TimeBuckets.hourOf(receivedAt), lastScenario, scenario);
        return new ConversationState(lastUserAt, lastSentAt, lastSentHour, sentDims, replied, converted, scenario);
    }
}
