package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Tier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaWatchTest {
    private static final long SECOND = 1_000_000_000L;

    private final QuotaWatch watch = new QuotaWatch(Map.of("basic", Tier.BASIC, "custom", Tier.CUSTOM)::get);

    private void send(String account, int replies, long fromNanos, long everyNanos) {
        for (int i = 0; i < replies; i++) watch.sent(account, fromNanos + i * everyNanos);
    }

    @Test
    void aTierFilledToItsQuotaWithinAMinuteHolds() {
        send("custom", 20, 0, SECOND);
        send("basic", 100, 0, SECOND / 2);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(Map.of(Tier.BASIC, 100, Tier.CUSTOM, 20), watch.busiestMinute());
    }

    @Test
    void oneReplyTooManyWithinAMinuteIsABreach() {
        send("custom", 21, 0, 2 * SECOND);

        assertEquals(1, watch.accountsOverQuota());
        assertEquals(21, watch.busiestMinute().get(Tier.CUSTOM));
    }

    @Test
    void repliesSpreadOverMoreThanAMinuteAreNotABreach() {
        // 40 replies at 3 s apart: never more than 20 in any 59 s
        send("custom", 40, 0, 3 * SECOND);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(20, watch.busiestMinute().get(Tier.CUSTOM));
    }

    @Test
    void aQuotaRefilledAfterTheMinuteArrivingASecondEarlyIsNotABreach() {
        // dispatch decided 20 at 0 s and 20 more at 60 s; the later ones arrived quickly, the first one late
        send("custom", 20, 0, 0);
        send("custom", 20, 59_500_000_000L, 0);

        assertEquals(0, watch.accountsOverQuota());
    }

    @Test
    void otherAccountsAreNotWatched() {
        send("someone-else", 500, 0, 0);

        assertEquals(0, watch.accountsOverQuota());
        assertEquals(Map.of(), watch.busiestMinute());
    }
}
