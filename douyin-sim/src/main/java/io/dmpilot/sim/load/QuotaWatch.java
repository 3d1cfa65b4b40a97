package io.dmpilot.sim.load;

import io.dmpilot.contracts.Tier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Whether the platform kept each account within its tier's replies per minute, as the send API saw it: the
 * replies that arrived for one account within any {@link #WINDOW_NANOS} must not outnumber the tier's quota.
 *
 * <p>dispatch counts a reply when it decides to send, on Redis' clock; the send API sees it a moment later. The
 * window here is a second shorter than dispatch's minute, so a reply decided at 0 s and one at 60 s that arrive
 * closer together (a slow first send) do not count as a breach; a real breach, one reply too many within the
 * minute, still shows unless those replies' delays differ by more than that second.
 */
public final class QuotaWatch {
    static final long WINDOW_NANOS = 59_000_000_000L;

    private final Function<String, Tier> tierOf;
    private final Map<String, Deque<Long>> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Integer> overQuota = new ConcurrentHashMap<>();
    private final Map<Tier, Integer> busiestMinute = new ConcurrentHashMap<>();

    /** {@code tierOf} answers null for an account that is not the run's: those are not watched. */
    public QuotaWatch(Function<String, Tier> tierOf) {
        this.tierOf = tierOf;
    }

    public void sent(String accountOpenId, long arrivedNanoTime) {
        Tier tier = accountOpenId == null ? null : tierOf.apply(accountOpenId);
        if (tier == null) return;
        Deque<Long> recent = arrivals.computeIfAbsent(accountOpenId, a -> new ArrayDeque<>());
        int inWindow;
        synchronized (recent) {
            recent.addLast(arrivedNanoTime);
            while (arrivedNanoTime - recent.peekFirst() > WINDOW_NANOS) recent.pollFirst();
            inWindow = recent.size();
        }
        busiestMinute.merge(tier, inWindow, Math::max);
        if (inWindow > tier.repliesPerMinute()) overQuota.merge(accountOpenId, inWindow, Math::max);
    }

    /** Accounts that received more replies within a minute than their tier allows; 0 when the quotas held. */
    public long accountsOverQuota() {
        return overQuota.size();
    }

    /** The most replies one account of each tier received within a minute, to read beside the tier's quota. */
    public Map<Tier, Integer> busiestMinute() {
        Map<Tier, Integer> copy = new EnumMap<>(Tier.class);
        copy.putAll(busiestMinute);
        return copy;
    }
}
