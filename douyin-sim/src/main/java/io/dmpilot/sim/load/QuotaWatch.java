package io.dmpilot.sim.load;

import io.dmpilot.contracts.Tier;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Whether the platform kept each account within its quotas, as the send API saw it. DESIGN §4: each reply counts
 * against the quota of the tier whose engine produced it (a CUSTOM account's keyword-rule reply is an ADVANCED
 * one), so the replies of one account and one tier that arrived within any {@link #WINDOW_NANOS} must not
 * outnumber that tier's replies per minute.
 *
 * <p>dispatch counts a reply when it decides to send, on Redis' clock; the send API sees it a moment later. The
 * window here is a second shorter than dispatch's minute, so a reply decided at 0 s and one at 60 s that arrive
 * closer together (a slow first send) do not count as a breach; a real breach, one reply too many within the
 * minute, still shows unless those replies' delays differ by more than that second. Replies arrive in any order
 * (the tier is known from the outcome, after the send), so the windows are counted when asked.
 */
public final class QuotaWatch {
    static final long WINDOW_NANOS = 59_000_000_000L;

    private record Key(String accountOpenId, Tier tier) {}

    private final Map<Key, Queue<Long>> arrivals = new ConcurrentHashMap<>();

    /** A reply of {@code tier}'s engine reached the send API for the account at {@code arrivedNanoTime}. */
    public void sent(String accountOpenId, Tier tier, long arrivedNanoTime) {
        if (accountOpenId == null || tier == null) return;
        arrivals.computeIfAbsent(new Key(accountOpenId, tier), k -> new ConcurrentLinkedQueue<>())
                .add(arrivedNanoTime);
    }

    /** Accounts that received more replies of one tier within a minute than that tier allows; 0 when quotas held. */
    public long accountsOverQuota() {
        return arrivals.entrySet().stream()
                .filter(e -> busiest(e.getValue()) > e.getKey().tier().repliesPerMinute())
                .map(e -> e.getKey().accountOpenId())
                .distinct()
                .count();
    }

    /** The most replies of each tier one account received within a minute, to read beside the tier's quota. */
    public Map<Tier, Integer> busiestMinute() {
        Map<Tier, Integer> most = new EnumMap<>(Tier.class);
        arrivals.forEach((key, times) -> most.merge(key.tier(), busiest(times), Math::max));
        return most;
    }

    private static int busiest(Queue<Long> times) {
        long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int most = 0;
        for (int first = 0, last = 0; last < sorted.length; last++) {
            while (sorted[last] - sorted[first] > WINDOW_NANOS) first++;
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
