package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Tier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaWatchTest {
    private static final long SECOND = 1_000;
    private static final long T0 = 1_790_000_000_000L;

    private final QuotaWatch watch = new QuotaWatch();

    private void admit(String account, Tier tier, int replies, long fromMillis, long everyMillis) {
        for (int i = 0; i < replies; i++) watch.sent(account, tier, T0 + fromMillis + i * everyMillis);
    }

    @Test
    void aTierFilledToItsQuotaWithinAMinuteHolds() {
        admit("a1", Tier.CUSTOM, 20, 0, SECOND);
        admit("a2", Tier.BASIC, 100, 0, SECOND / 2);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(Map.of(Tier.BASIC, 100, Tier.CUSTOM, 20), watch.busiestMinute());
    }

    @Test
    void oneReplyTooManyWithinAMinuteIsABreach() {
        admit("a1", Tier.CUSTOM, 21, 0, 2 * SECOND);

        assertEquals(1, watch.accountsOverQuota());
        assertEquals(21, watch.busiestMinute().get(Tier.CUSTOM));
    }

    @Test
    void eachTierOfOneAccountHasItsOwnQuota() {
        // a CUSTOM account's replies from the keyword rules count as ADVANCED ones (DESIGN §4)
        admit("a1", Tier.CUSTOM, 20, 0, SECOND);
        admit("a1", Tier.ADVANCED, 50, 0, SECOND);
        admit("a1", Tier.BASIC, 30, 0, SECOND);

        assertEquals(0, watch.accountsOverQuota());
    }

    @Test
    void repliesReportedOutOfOrderAreCountedByTheirAdmissions() {
        for (int i = 20; i >= 0; i--) watch.sent("a1", Tier.CUSTOM, T0 + i * 2 * SECOND);

        assertEquals(1, watch.accountsOverQuota());
    }

    @Test
    void aTokenCountsForExactlyAMinute() {
        // the gate admits again the moment the oldest token is a full window old
        admit("a1", Tier.CUSTOM, 20, 0, 0);
        admit("a1", Tier.CUSTOM, 20, 60_000, 0);
        assertEquals(0, watch.accountsOverQuota());
        assertEquals(20, watch.busiestMinute().get(Tier.CUSTOM));

        watch.sent("a1", Tier.CUSTOM, T0 + 59_999);
        assertEquals(1, watch.accountsOverQuota(), "one admitted a millisecond early is one too many");
    }

    @Test
    void repliesSpreadOverMoreThanAMinuteAreNotABreach() {
        // 40 replies 3 s apart: never more than 20 in any minute
        admit("a1", Tier.CUSTOM, 40, 0, 3 * SECOND);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(20, watch.busiestMinute().get(Tier.CUSTOM));
    }

    @Test
    void aReplySentWithoutAnAdmissionIsCountedApart() {
        watch.sent("a1", Tier.CUSTOM, 0);
        watch.sent("a1", Tier.CUSTOM, 0);

        assertEquals(2, watch.sentWithoutAdmission());
        assertEquals(0, watch.accountsOverQuota());
    }

    @Test
    void aReplyWithoutATierIsNotCounted() {
        admit("a1", null, 500, 0, 0);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(0, watch.sentWithoutAdmission());
        assertEquals(Map.of(), watch.busiestMinute());
    }
}
