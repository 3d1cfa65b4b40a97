package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Tier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaWatchTest {
    private static final long SECOND = 1_000_000_000L;

    private final QuotaWatch watch = new QuotaWatch();

    private void send(String account, Tier tier, int replies, long fromNanos, long everyNanos) {
        for (int i = 0; i < replies; i++) watch.sent(account, tier, fromNanos + i * everyNanos);
    }

    @Test
    void aTierFilledToItsQuotaWithinAMinuteHolds() {
        send("a1", Tier.CUSTOM, 20, 0, SECOND);
        send("a2", Tier.BASIC, 100, 0, SECOND / 2);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(Map.of(Tier.BASIC, 100, Tier.CUSTOM, 20), watch.busiestMinute());
    }

    @Test
    void oneReplyTooManyWithinAMinuteIsABreach() {
        send("a1", Tier.CUSTOM, 21, 0, 2 * SECOND);

        assertEquals(1, watch.accountsOverQuota());
        assertEquals(21, watch.busiestMinute().get(Tier.CUSTOM));
    }

    @Test
    void eachTierOfOneAccountHasItsOwnQuota() {
        // a CUSTOM account's replies from the keyword rules count as ADVANCED ones (DESIGN §4)
        send("a1", Tier.CUSTOM, 20, 0, SECOND);
        send("a1", Tier.ADVANCED, 50, 0, SECOND);
        send("a1", Tier.BASIC, 30, 0, SECOND);

        assertEquals(0, watch.accountsOverQuota());
    }

    @Test
    void repliesArrivingOutOfOrderAreCountedByTheirTimes() {
        for (int i = 20; i >= 0; i--) watch.sent("a1", Tier.CUSTOM, i * 2 * SECOND);

        assertEquals(1, watch.accountsOverQuota());
    }

    @Test
    void repliesSpreadOverMoreThanAMinuteAreNotABreach() {
        // 40 replies 3 s apart: never more than 20 in any 59 s
        send("a1", Tier.CUSTOM, 40, 0, 3 * SECOND);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(20, watch.busiestMinute().get(Tier.CUSTOM));
    }

    @Test
    void aQuotaRefilledAfterTheMinuteArrivingASecondEarlyIsNotABreach() {
        // dispatch decided 20 at 0 s and 20 more at 60 s; the later ones arrived quickly, the first one late
        send("a1", Tier.CUSTOM, 20, 0, 0);
        send("a1", Tier.CUSTOM, 20, 59_500_000_000L, 0);

        assertEquals(0, watch.accountsOverQuota());
    }

    @Test
    void aReplyWithoutATierIsNotCounted() {
        send("a1", null, 500, 0, 0);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(Map.of(), watch.busiestMinute());
    }
}
