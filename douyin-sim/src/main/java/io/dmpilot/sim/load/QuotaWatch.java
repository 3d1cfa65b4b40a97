package io.dmpilot.sim.load;

import io.dmpilot.contracts.Tier;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whether the platform kept each account within its quotas. DESIGN §4: each reply counts against the quota of the
 * tier whose engine produced it (a CUSTOM account's keyword-rule reply is an ADVANCED one), so of one account's
 * replies of one tier that reached the send API, no more than that tier's replies per minute may have been
 * admitted within any {@link #WINDOW_MILLIS}.
 *
 * <p>Judged at each reply's admission, on the Redis clock dispatch decides by (the outcome's {@code admittedAt}),
 * not at its arrival here: a send held up for seconds (the send API slow, dispatch restarting) arrives next to
 * replies admitted a minute later, and only the time the token counts from says whether the quota held. A reply
 * that reached the send API with no admission at all was sent around the quota, and is counted on its own.
 */
public final class QuotaWatch {
    static final long WINDOW_MILLIS = 60_000;

    private record Key(String accountOpenId, Tier tier) {}

    private final Map<Key, Queue<Long>> admissions = new ConcurrentHashMap<>();
    private final LongAdder withoutAdmission = new LongAdder();

    /**
     * A reply of {@code tier}'s engine reached the send API for the account; {@code admittedAtMillis} is when the
     * quota admitted it, 0 when nothing did.
     */
    public void sent(String accountOpenId, Tier tier, long admittedAtMillis) {
        if (accountOpenId == null || tier == null) return;
        if (admittedAtMillis <= 0) {
            withoutAdmission.increment();
            return;
        }
        admissions
                .computeIfAbsent(new Key(accountOpenId, tier), k -> new ConcurrentLinkedQueue<>())
                .add(admittedAtMillis);
    }

    /** Accounts with more replies of one tier admitted within a minute than that tier allows; 0 when quotas held. */
    public long accountsOverQuota() {
        return admissions.entrySet().stream()
                .filter(e -> busiest(e.getValue()) > e.getKey().tier().repliesPerMinute())
                .map(e -> e.getKey().accountOpenId())
                .distinct()
                .count();
    }

    /** Replies that reached the send API although no quota admitted them. */
    public long sentWithoutAdmission() {
        return withoutAdmission.sum();
    }

    /** The most replies of each tier admitted for one account within a minute, to read beside the tier's quota. */
    public Map<Tier, Integer> busiestMinute() {
        Map<Tier, Integer> most = new EnumMap<>(Tier.class);
        admissions.forEach((key, times) -> most.merge(key.tier(), busiest(times), Math::max));
        return most;
    }

    /** The gate holds a token while less than a window has passed since it, so such a span holds a quota at most. */
    private static int busiest(Queue<Long> times) {
        long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int most = 0;
        for (int first = 0, last = 0; last < sorted.length; last++) {
            while (sorted[last] - sorted[first] >= WINDOW_MILLIS) first++;
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
