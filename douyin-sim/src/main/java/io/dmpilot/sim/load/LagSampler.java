package io.dmpilot.sim.load;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Every two seconds, the consumer lag of each live platform consumer group (committed offset to log end),
 * keeping the worst seen per group in each rate step: where lag grows, that stage is the bottleneck.
 */
final class LagSampler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LagSampler.class);

    private final Admin admin;
    private final String groupPrefix;
    private final IntSupplier currentStep;
    private final Map<Integer, Map<String, Long>> maxLagByStep = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-lag-sampler");
        thread.setDaemon(true);
        return thread;
    });

    LagSampler(String bootstrapServers, String groupPrefix, IntSupplier currentStep) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.groupPrefix = groupPrefix;
        this.currentStep = currentStep;
        timer.scheduleWithFixedDelay(this::sample, 0, 2, TimeUnit.SECONDS);
    }

    /** Worst lag per group in {@code step}, by group id. */
    Map<String, Long> maxLag(int step) {
        return new TreeMap<>(maxLagByStep.getOrDefault(step, Map.of()));
    }

    private void sample() {
        try {
            int step = currentStep.getAsInt();
            for (String group : liveGroups()) {
                long lag = lagOf(group);
                maxLagByStep
                        .computeIfAbsent(step, s -> new ConcurrentHashMap<>())
                        .merge(group, lag, Math::max);
            }
        } catch (Exception e) {
            // a broker restart mid-run (a fault being injected) must not stop the sampling
            LOG.debugf("lag sample skipped: %s", e.toString());
        }
    }

    private Set<String> liveGroups() throws Exception {
        return admin
                .listGroups(ListGroupsOptions.forConsumerGroups().inGroupStates(Set.of(GroupState.STABLE)))
                .all()
                .get(5, TimeUnit.SECONDS)
                .stream()
                .map(GroupListing::groupId)
                .filter(id -> id.startsWith(groupPrefix + "-") && !id.startsWith(groupPrefix + "-test-"))
                .collect(Collectors.toSet());
    }

    private long lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        long lag = 0;
        for (var entry : committed.entrySet()) {
            if (entry.getValue() == null) continue;
            lag += Math.max(
                    0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
        }
        return lag;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
