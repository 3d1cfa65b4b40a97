package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTallyTest {
    private static DispatchOutcome outcome(String eventId, Outcome outcome) {
        return outcome(eventId, outcome, Tier.BASIC);
    }

    private static DispatchOutcome outcome(String eventId, Outcome outcome, Tier tier) {
        return outcome(eventId, outcome, tier, 0);
    }

    private static DispatchOutcome outcome(String eventId, Outcome outcome, Tier tier, long admittedAt) {
        return new DispatchOutcome(
                "o-" + eventId + outcome,
                eventId,
                "c",
                "conv",
                "acc",
                tier,
                Scenario.FALLBACK,
                null,
                null,
                outcome,
                "",
                1,
                2,
                3,
                4,
                admittedAt);
    }

    @Test
    void latencyIsMeasuredFromTheDueTimeIntoTheStepsHistogram() {
        RunTally tally = new RunTally(2, "conv-x");
        tally.due("m1", 0, 1_000_000_000L);
        tally.due("m2", 1, 1_000_000_000L);
        tally.sent("m1", 1_050_000_000L);
        tally.sent("m2", 1_200_000_000L);
        tally.sent("someone-else", 9_000_000_000L);
        assertEquals(1, tally.latency(0).getTotalCount());
        assertEquals(50_000, tally.latency(0).getMaxValue(), 50);
        assertEquals(200_000, tally.latency(1).getMaxValue(), 200);
    }

    @Test
    void aSecondReplyToOneMessageIsADuplicateAndNotASecondSample() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.due("m1", 0, 0);
        tally.sent("m1", 10_000_000L);
        tally.sent("m1", 20_000_000L);
        assertEquals(1, tally.duplicateSends());
        assertEquals(1, tally.latency(0).getTotalCount());
    }

    @Test
    void everyAcceptedMessageNeedsExactlyOneTerminalOutcome() {
        RunTally tally = new RunTally(1, "conv-x");
        for (String m : new String[] {"m1", "m2", "m3"}) {
            tally.due(m, 0, 0);
            tally.webhookAnswered(m, "accepted", "e-" + m);
        }
        tally.outcome(outcome("e-m1", Outcome.SENT));
        tally.outcome(outcome("e-m2", Outcome.DEFERRED));
        tally.outcome(outcome("e-m3", Outcome.BLOCKED));
        tally.outcome(outcome("e-m3", Outcome.SENT));
        assertEquals(1, tally.withoutOutcome(), "m2 was only deferred");
        assertEquals(1, tally.withSeveralOutcomes(), "m3 ended twice");
        assertEquals(Map.of("BLOCKED", 1L, "SENT", 2L), tally.outcomes());
    }

    @Test
    void webhookAnswersAreCountedByResultAndOnlyAcceptedOnesAwaitAnOutcome() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.webhookAnswered("m1", "accepted", "e1");
        tally.webhookAnswered("m2", "unknown_account", "e2");
        tally.webhookAnswered("m3", "unanswered", null);
        assertEquals(1, tally.accepted());
        assertEquals(1, tally.withoutOutcome());
        assertEquals(Map.of("accepted", 1L, "unanswered", 1L, "unknown_account", 1L), tally.webhookResults());
    }

    /** A retry answered "duplicate" was stored by an attempt whose answer was lost: it awaits its outcome too. */
    @Test
    void aMessageAnsweredDuplicateOnItsRetryWasStoredAndNeedsItsOutcome() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.webhookAnswered("m1", "duplicate", "e1");
        assertEquals(1, tally.accepted());
        assertEquals(1, tally.withoutOutcome());
    }

    @Test
    void theRawDistributionIsInMilliseconds() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.due("m1", 0, 0);
        tally.sent("m1", 42_000_000L);
        String hgrm = tally.percentileDistribution(0);
        assertEquals(true, hgrm.contains("42.0"), hgrm);
    }

    private static DispatchOutcome outcomeIn(String conversation, String eventId) {
        return new DispatchOutcome(
                "o-" + java.util.UUID.randomUUID(),
                eventId,
                "c",
                conversation,
                "acc",
                Tier.BASIC,
                Scenario.FALLBACK,
                null,
                null,
                Outcome.SENT,
                "",
                1,
                2,
                3,
                4,
                0L);
    }

    @Test
    void aRefusedHostileRequestWithAnOutcomeHasLeakedPastTheWebhook() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.hostileAnswered("wrong-types", 200, "accepted", "e-ok");
        tally.hostileAnswered("truncated", 400, "http-400", null);
        tally.outcome(outcomeIn("conv-x-1", "e-ok"));
        assertEquals(0, tally.hostileLeaked());
        tally.outcome(outcomeIn("conv-x-2", "e-refused"));
        assertEquals(1, tally.hostileLeaked());
        assertEquals(Map.of("truncated → http-400", 1L, "wrong-types → accepted", 1L), tally.hostileResults());
    }

    @Test
    void aHostileRequestAnswered5xxOrNotAtAllIsAServerError() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.hostileAnswered("huge-string", 413, "http-413", null);
        tally.hostileAnswered("random-bytes", 500, "http-500", null);
        tally.hostileAnswered("deep-nesting", 0, "unanswered", null);
        assertEquals(2, tally.hostileServerErrors());
    }

    @Test
    void anAcceptedHostileEventMayEndOnceButNotTwice() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.hostileAnswered("wrong-types", 200, "accepted", "e-ok");
        tally.outcome(outcomeIn("conv-x-1", "e-ok"));
        assertEquals(0, tally.withSeveralOutcomes());
        tally.outcome(outcomeIn("conv-x-1", "e-ok"));
        assertEquals(1, tally.withSeveralOutcomes());
    }

    @Test
    void theSameOutcomeRecordDeliveredTwiceIsOneOutcome() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.due("m1", 0, 0);
        tally.webhookAnswered("m1", "accepted", "e-m1");
        tally.outcome(outcome("e-m1", Outcome.SENT));
        tally.outcome(outcome("e-m1", Outcome.SENT));
        assertEquals(0, tally.withSeveralOutcomes());
        assertEquals(Map.of("SENT", 1L), tally.outcomes());
    }

    @Test
    void outcomesOfMessagesOutsideTheRunAreNotCounted() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.webhookAnswered("m1", "accepted", "e-m1");
        tally.outcome(outcome("e-canary", Outcome.SENT));
        tally.outcome(outcome("e-m1", Outcome.BLOCKED));
        assertEquals(Map.of("BLOCKED", 1L), tally.outcomes());
    }

    @Test
    void anOutcomeSeenBeforeTheWebhookAnswerIsStillCounted() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.outcome(outcome("e-m1", Outcome.SENT));
        tally.webhookAnswered("m1", "accepted", "e-m1");
        assertEquals(Map.of("SENT", 1L), tally.outcomes());
        assertEquals(0, tally.withoutOutcome());
    }

    @Test
    void aSentReplyCountsAgainstTheQuotaOfItsEnginesTierAtItsAdmission() {
        RunTally tally = new RunTally(1, "conv-x");
        long t0 = 1_790_000_000_000L;
        for (int i = 0; i < 51; i++) {
            // all arrive within a second, but were admitted a second apart: only the admissions decide
            acceptedAndSent(tally, "m" + i, i * 1_000_000L);
        }
        // the outcomes come later, in any order
        for (int i = 50; i >= 0; i--) tally.outcome(outcome("e-m" + i, Outcome.SENT, Tier.ADVANCED, t0 + i * 1_000));
        tally.outcome(outcome("e-m0", Outcome.SENT, Tier.ADVANCED, t0)); // redelivered: one reply still

        assertEquals(1, tally.quotas().accountsOverQuota());
        assertEquals(Map.of(Tier.ADVANCED, 51), tally.quotas().busiestMinute());
    }

    @Test
    void repliesArrivingTogetherButAdmittedAMinuteApartHoldTheQuota() {
        // the backlog after a restart: 20 admitted just before, 20 a minute later, all arriving in one second
        RunTally tally = new RunTally(1, "conv-x");
        long t0 = 1_790_000_000_000L;
        for (int i = 0; i < 40; i++) {
            acceptedAndSent(tally, "m" + i, 70_000_000_000L + i * 10_000_000L);
            tally.outcome(outcome("e-m" + i, Outcome.SENT, Tier.CUSTOM, t0 + (i < 20 ? 0 : 60_000)));
        }

        assertEquals(0, tally.quotas().accountsOverQuota());
        assertEquals(0, tally.quotas().sentWithoutAdmission());
    }

    @Test
    void aReplyThatReachedThePlatformWithoutAnAdmissionIsCounted() {
        RunTally tally = new RunTally(1, "conv-x");
        acceptedAndSent(tally, "m1", 5);
        tally.outcome(outcome("e-m1", Outcome.SENT, Tier.BASIC, 0));

        assertEquals(1, tally.quotas().sentWithoutAdmission());
    }

    private static void acceptedAndSent(RunTally tally, String message, long arrivedNanoTime) {
        tally.due(message, 0, 0);
        tally.webhookAnswered(message, "accepted", "e-" + message);
        tally.sent(message, arrivedNanoTime);
    }

    @Test
    void aMessageNeverSentCountsAgainstNoQuota() {
        RunTally tally = new RunTally(1, "conv-x");
        tally.due("m1", 0, 0);
        tally.webhookAnswered("m1", "accepted", "e-m1");
        tally.outcome(outcome("e-m1", Outcome.BLOCKED, Tier.BASIC));

        assertEquals(Map.of(), tally.quotas().busiestMinute());
    }
}
