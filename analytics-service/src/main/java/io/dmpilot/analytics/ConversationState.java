package io.dmpilot.analytics;

import io.dmpilot.analytics.funnel.FunnelStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What analytics remembers of one conversation to count the steps that depend on earlier events: a user
 * reply to a sent reply, a conversion after one, a move from one scenario to the next. Each method returns
 * the next state and adds what the event means to {@code out}. Pure, so every ordering is unit tested.
 *
 * <p>The topics are consumed independently, so sends and user messages of one conversation arrive in any
 * order relative to each other (a backlog on one topic, a restart, batches of different partitions). A user
 * message answers the latest reply sent before it; to find that reply whatever came first, the state keeps
 * the conversation's recent sends and user message times ({@link #KEPT} of each), not only the last ones.
 *
 * @param sends recent sent replies, oldest first
 * @param userTimes receive times of recent user messages, ascending
 * @param lastScenario the scenario of the conversation's latest matched candidate; empty before the first
 */
public record ConversationState(List<SentReply> sends, List<Long> userTimes, boolean converted, String lastScenario) {
    /** Enough for every ordering a consumer backlog produces: the cap allows 3 automatic replies in a row. */
    static final int KEPT = 8;

    public static final ConversationState NEW = new ConversationState(List.of(), List.of(), false, "");

    /**
     * @param at when dispatch decided it (the send time)
     * @param hour the hour its message was received: its reply and a conversion count there
     * @param dims scenario, rule and variant, to which a reply or conversion is credited
     * @param replied answered already (counted once per sent reply)
     */
    public record SentReply(long at, long hour, Dimensions dims, boolean replied) {
        SentReply answered() {
            return new SentReply(at, hour, dims, true);
        }
    }

    public ConversationState {
        sends = List.copyOf(sends);
        userTimes = List.copyOf(userTimes);
    }

    /** A state stored before sends and user times were kept: its last send and last user message. */
    public static ConversationState ofLast(
            long lastUserAt,
            long lastSentAt,
            long lastSentHour,
            Dimensions sentDims,
            boolean replied,
            boolean converted,
            String lastScenario) {
        return new ConversationState(
                lastSentAt > 0 ? List.of(new SentReply(lastSentAt, lastSentHour, sentDims, replied)) : List.of(),
                lastUserAt > 0 ? List.of(lastUserAt) : List.of(),
                converted,
                lastScenario);
    }

    /** A user message: answers the latest reply sent before it, if nothing answered that one yet. */
    public ConversationState userMessage(String account, long receivedAt, Aggregates out) {
        List<SentReply> next = sends;
        int answered = latestSendBefore(receivedAt);
        if (answered >= 0 && !sends.get(answered).replied()) {
            SentReply reply = sends.get(answered);
            out.funnel(account, reply.hour(), reply.dims(), FunnelStep.REPLIED.name());
            next = new ArrayList<>(sends);
            next.set(answered, reply.answered());
        }
        List<Long> times = new ArrayList<>(userTimes);
        times.add(receivedAt);
        times.sort(Comparator.naturalOrder());
        return new ConversationState(next, latest(times), converted, lastScenario);
    }

    /**
     * A sent reply. A user message seen already counts as its reply when it came after this send and before
     * the next one known (a later message answers that next reply).
     */
    public ConversationState sent(String account, long receivedAt, long decidedAt, Dimensions dims, Aggregates out) {
        if (sends.stream().anyMatch(s -> s.at() == decidedAt)) return this;
        long nextSend = sends.stream()
                .mapToLong(SentReply::at)
                .filter(at -> at > decidedAt)
                .min()
                .orElse(Long.MAX_VALUE);
        boolean answered = userTimes.stream().anyMatch(u -> u > decidedAt && u < nextSend);
        long hour = TimeBuckets.hourOf(receivedAt);
        if (answered) out.funnel(account, hour, dims, FunnelStep.REPLIED.name());
        List<SentReply> next = new ArrayList<>(sends);
        next.add(new SentReply(decidedAt, hour, dims, answered));
        next.sort(Comparator.comparingLong(SentReply::at));
        return new ConversationState(latest(next), userTimes, converted, lastScenario);
    }

    /** A conversion: the conversation converts once, credited to the last sent reply if there was one. */
    public ConversationState conversion(String account, long at, Aggregates out) {
        if (converted) return this;
        long hour = sends.isEmpty() ? TimeBuckets.hourOf(at) : lastSentHour();
        out.funnel(account, hour, sentDims(), FunnelStep.CONVERTED.name());
        return new ConversationState(sends, userTimes, true, lastScenario);
    }

    /** A matched candidate's scenario: a transition from the previous one, if any (the same one included). */
    public ConversationState scenario(String account, long receivedAt, String scenario, Aggregates out) {
        if (!lastScenario.isEmpty()) out.transition(account, TimeBuckets.hourOf(receivedAt), lastScenario, scenario);
        return new ConversationState(sends, userTimes, converted, scenario);
    }

    public long lastUserAt() {
        return userTimes.isEmpty() ? 0 : userTimes.get(userTimes.size() - 1);
    }

    public long lastSentAt() {
        return lastSend() == null ? 0 : lastSend().at();
    }

    public long lastSentHour() {
        return lastSend() == null ? 0 : lastSend().hour();
    }

    public Dimensions sentDims() {
        return lastSend() == null ? Dimensions.NONE : lastSend().dims();
    }

    /** Whether the last sent reply has been answered. */
    public boolean replied() {
        return lastSend() != null && lastSend().replied();
    }

    private SentReply lastSend() {
        return sends.isEmpty() ? null : sends.get(sends.size() - 1);
    }

    private int latestSendBefore(long time) {
        for (int i = sends.size() - 1; i >= 0; i--) {
            if (sends.get(i).at() < time) return i;
        }
        return -1;
    }

    private static <T> List<T> latest(List<T> ascending) {
        return ascending.size() <= KEPT ? ascending : ascending.subList(ascending.size() - KEPT, ascending.size());
    }
}
