package io.dmpilot.analytics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's outcome figures as the REST API shows them. Every outcome is present, zero where nothing
 * was counted, so clients never have to tell "none" from "unknown".
 *
 * @param answeredWithin90s sent replies that left within {@link CountableEvent#ANSWER_WINDOW} of the message
 * @param meanResponseMillis mean receivedAt → decidedAt of sent replies; 0 when there are none
 */
public record OutcomeSummary(
        String accountOpenId, Map<CountedOutcome, Long> counts, long answeredWithin90s, double meanResponseMillis) {

    /** @param times may be null: the account has no timed reply yet */
    public static OutcomeSummary of(String accountOpenId, List<OutcomeCount> rows, ResponseTimeTotal times) {
        Map<CountedOutcome, Long> counts = new EnumMap<>(CountedOutcome.class);
        for (CountedOutcome outcome : CountedOutcome.values()) counts.put(outcome, 0L);
        for (OutcomeCount row : rows) {
            known(row.id.outcome).ifPresent(outcome -> counts.put(outcome, row.count));
        }
        if (times == null || times.timedCount == 0) {
            return new OutcomeSummary(accountOpenId, counts, 0, 0.0);
        }
        double mean = (double) times.totalMillis / times.timedCount;
        return new OutcomeSummary(accountOpenId, counts, times.withinWindowCount, mean);
    }

    /** Rows written by a newer version (after a rollback) name outcomes this one does not know: skip them. */
    private static Optional<CountedOutcome> known(String name) {
        for (CountedOutcome outcome : CountedOutcome.values()) {
            if (outcome.name().equals(name)) return Optional.of(outcome);
        }
        return Optional.empty();
    }
}
