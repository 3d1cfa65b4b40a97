package io.dmpilot.analytics.bi;

import io.dmpilot.analytics.CountedOutcome;
import io.dmpilot.analytics.TimeBuckets;
import io.dmpilot.analytics.funnel.FunnelStep;
import io.dmpilot.kit.KeyedRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes, every interval, a snapshot of the current hour for each account active in it: one query for
 * all accounts (no per-account timers or consumers), each record awaited before the next tick.
 */
@ApplicationScoped
public class SnapshotPublisher {
    public static final String CHANNEL = "analytics-outcomes";
    private static final Logger LOG = Logger.getLogger(SnapshotPublisher.class);
    private static final String SUMS = "SELECT f.account_open_id, f.step, SUM(f.count) FROM {h-schema}funnel_count f"
            + " WHERE f.hour_start = :hour GROUP BY f.account_open_id, f.step ORDER BY f.account_open_id";
    private static final String TIMES = "SELECT account_open_id, SUM(timed_count), SUM(within_window_count),"
            + " SUM(within_slo_count) FROM {h-schema}response_time_hour WHERE hour_start = :hour GROUP BY account_open_id";

    private final MutinyEmitter<OutcomeSnapshot> emitter;
    private final Duration interval;
    private Cancellable ticks;

    public SnapshotPublisher(
            @Channel(CHANNEL) MutinyEmitter<OutcomeSnapshot> emitter,
            @ConfigProperty(name = "dmpilot.analytics.snapshot-interval", defaultValue = "60s") Duration interval) {
        this.emitter = emitter;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        ticks = Multi.createFrom()
                .ticks()
                .every(interval)
                .onOverflow()
                .drop()
                .onItem()
                .transformToUniAndConcatenate(tick -> publish(System.currentTimeMillis())
                        .onFailure()
                        .invoke(e -> LOG.warnf("analytics snapshot not published: %s", e.getMessage()))
                        .onFailure()
                        .recoverWithItem(0))
                .subscribe()
                .with(published -> {});
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticks != null) ticks.cancel();
    }

    /** @return how many snapshots were published */
    public Uni<Integer> publish(long nowMillis) {
        long hour = TimeBuckets.hourOf(nowMillis);
        return Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(SUMS, Object[].class)
                                .setParameter("hour", hour)
                                .getResultList()
                                .chain(sums -> session.createNativeQuery(TIMES, Object[].class)
                                        .setParameter("hour", hour)
                                        .getResultList()
                                        .map(times -> snapshots(hour, nowMillis, sums, times)))))
                .chain(this::send);
    }

    private Uni<Integer> send(List<OutcomeSnapshot> snapshots) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutcomeSnapshot s : snapshots) {
            chain = chain.chain(() -> emitter.sendMessage(KeyedRecords.of(
                    "analytics.outcomes.v1", "analytics-service", s.accountOpenId(), s.snapshotId(), null, s)));
        }
        return chain.replaceWith(snapshots.size());
    }

    static List<OutcomeSnapshot> snapshots(long hour, long now, List<Object[]> sums, List<Object[]> times) {
        Map<String, long[]> timing = new LinkedHashMap<>();
        for (Object[] r : times) timing.put((String) r[0], new long[] {n(r[1]), n(r[2]), n(r[3])});
        Map<String, Map<String, Long>> byAccount = new LinkedHashMap<>();
        for (Object[] r : sums)
            byAccount.computeIfAbsent((String) r[0], a -> new LinkedHashMap<>()).put((String) r[1], n(r[2]));
        List<OutcomeSnapshot> snapshots = new ArrayList<>();
        byAccount.forEach((account, counts) -> {
            Map<String, Long> steps = new LinkedHashMap<>();
            for (FunnelStep step : FunnelStep.values()) steps.put(step.name(), counts.getOrDefault(step.name(), 0L));
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (CountedOutcome o : CountedOutcome.values()) {
                if (o != CountedOutcome.RECEIVED) outcomes.put(o.name(), counts.getOrDefault(o.name(), 0L));
            }
            long[] t = timing.getOrDefault(account, new long[3]);
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
