package io.dmpilot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeSummaryTest {
    @Test
    void everyOutcomeIsPresentInDeclarationOrderWithZeroWhereNothingWasCounted() {
        OutcomeSummary summary = OutcomeSummary.of("acct", List.of(row("SENT", 3), row("RECEIVED", 4)), null);

        assertEquals(
                List.of(CountedOutcome.values()), List.copyOf(summary.counts().keySet()));
        assertEquals(4L, summary.counts().get(CountedOutcome.RECEIVED));
        assertEquals(3L, summary.counts().get(CountedOutcome.SENT));
        assertEquals(0L, summary.counts().get(CountedOutcome.FAILED));
        assertEquals(0, summary.answeredWithin90s());
        assertEquals(0.0, summary.meanResponseMillis());
    }

    @Test
    void meanResponseIsTotalOverTimedReplies() {
        OutcomeSummary summary = OutcomeSummary.of("acct", List.of(row("SENT", 3)), times(2, 150_000, 1));

        assertEquals(75_000.0, summary.meanResponseMillis());
        assertEquals(1, summary.answeredWithin90s());
    }

    @Test
    void outcomesThisVersionDoesNotKnowAreSkipped() {
        OutcomeSummary summary = OutcomeSummary.of("acct", List.of(row("CONVERTED", 9), row("SENT", 1)), null);

        assertEquals(CountedOutcome.values().length, summary.counts().size());
        assertEquals(1L, summary.counts().get(CountedOutcome.SENT));
    }

    @Test
    void anAccountWithNoTimedReplyHasAZeroMean() {
        assertEquals(0.0, OutcomeSummary.of("acct", List.of(), times(0, 0, 0)).meanResponseMillis());
    }

    private static OutcomeCount row(String outcome, long count) {
        OutcomeCount row = new OutcomeCount();
        row.id = new OutcomeCount.Key();
        row.id.accountOpenId = "acct";
        row.id.outcome = outcome;
        row.count = count;
        return row;
    }

    private static ResponseTimeTotal times(long timed, long totalMillis, long within) {
        ResponseTimeTotal times = new ResponseTimeTotal();
        times.accountOpenId = "acct";
        times.timedCount = timed;
        times.totalMillis = totalMillis;
        times.withinWindowCount = within;
        return times;
    }
}
