package io.dmpilot.analytics.bi;

import io.dmpilot.analytics.CountedOutcome;
import io.dmpilot.analytics.TimeBuckets;
import io.dmpilot.analytics.funnel.FunnelStep;
import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.OutcomeSnapshot;
import io.dmpilot.kit.KeyedRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes, every interval, a snapshot of the current and the previous hour for each account active in
 * them (the previous one so late events of a closed hour still reach BI): one query for all accounts, no
 * per-account timers or consumers, each record awaited before the next tick.
 */
@ApplicationScoped
public class SnapshotPublisher {
    public static final String CHANNEL = Channels.ANALYTICS_OUTCOMES;
    private static final Logger LOG = Logger.getLogger(SnapshotPublisher.class);
    private static final String SUMS =
            "SELECT account_open_id, hour_start, step, SUM(count) FROM {h-schema}funnel_count"
                    + " WHERE hour_start IN (:previous, :hour) GROUP BY account_open_id, hour_start, step"
                    + " ORDER BY account_open_id, hour_start";
    private static final String TIMES =
            "SELECT account_open_id, hour_start, SUM(timed_count), SUM(within_window_count),"
                    + " SUM(within_slo_count) FROM {h-schema}response_time_hour WHERE hour_start IN (:previous, :hour)"
                    + " GROUP BY account_open_id, hour_start";

    private final MutinyEmitter<OutcomeSnapshot> emitter;

    public SnapshotPublisher(@Channel(CHANNEL) MutinyEmitter<OutcomeSnapshot> emitter) {
        this.emitter = emitter;
    }

    /** A failed round is logged and skipped: the next one publishes the same hours again, complete. */
    @Scheduled(
            every = "${dmpilot.analytics.snapshot-interval}",
            delayed = "${dmpilot.analytics.snapshot-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> publishPeriodically() {
        return publish(System.currentTimeMillis())
                .onFailure()
                .invoke(e -> LOG.warnf("analytics snapshot not published: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** @return how many snapshots were published */
    public Uni<Integer> publish(long nowMillis) {
        long hour = TimeBuckets.hourOf(nowMillis);
        return Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(SUMS, Object[].class)
                                .setParameter("previous", hour - TimeBuckets.HOUR_MILLIS)
                                .setParameter("hour", hour)
                                .getResultList()
                                .chain(sums -> session.createNativeQuery(TIMES, Object[].class)
                                        .setParameter("previous", hour - TimeBuckets.HOUR_MILLIS)
                                        .setParameter("hour", hour)
                                        .getResultList()
                                        .map(times -> snapshots(nowMillis, sums, times)))))
                .chain(this::send);
    }

    private Uni<Integer> send(List<OutcomeSnapshot> snapshots) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutcomeSnapshot s : snapshots) {
            chain = chain.chain(() -> emitter.sendMessage(KeyedRecords.of(
                    "analytics.outcomes.v1",
                    "analytics-service",
                    s.accountOpenId(),
                    s.snapshotId(),
                    null,
                    s.accountOpenId(),
                    s)));
        }
        return chain.replaceWith(snapshots.size());
    }

    /** Rows are (account, hour, …); one snapshot per account and hour. */
    static List<OutcomeSnapshot> snapshots(long now, List<Object[]> sums, List<Object[]> times) {
        Map<String, long[]> timing = new LinkedHashMap<>();
        for (Object[] r : times) timing.put(r[0] + "@" + n(r[1]), new long[] {n(r[2]), n(r[3]), n(r[4])});
        Map<String, Map<String, Long>> byWindow = new LinkedHashMap<>();
        for (Object[] r : sums) {
            byWindow.computeIfAbsent(r[0] + "@" + n(r[1]), a -> new LinkedHashMap<>())
                    .put((String) r[2], n(r[3]));
        }
        List<OutcomeSnapshot> snapshots = new ArrayList<>();
        byWindow.forEach((window, counts) -> {
            int at = window.lastIndexOf('@');
            String account = window.substring(0, at);
            long hour = Long.parseLong(window.substring(at + 1));
            Map<String, Long> steps = new LinkedHashMap<>();
            for (FunnelStep step : FunnelStep.values()) steps.put(step.name(), counts.getOrDefault(step.name(), 0L));
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (CountedOutcome o : CountedOutcome.values()) {
                if (o != CountedOutcome.RECEIVED) outcomes.put(o.name(), counts.getOrDefault(o.name(), 0L));
            }
            long[] t = timing.getOrDefault(window, new long[3]);
            snapshots.add(new OutcomeSnapshot(
                    account + ":" + hour + ":" + now,
                    account,
                    hour,
                    hour + TimeBuckets.HOUR_MILLIS,
                    steps,
                    outcomes,
                    t[0],
                    t[1],
                    t[2],
                    now));
        });
        return snapshots;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
