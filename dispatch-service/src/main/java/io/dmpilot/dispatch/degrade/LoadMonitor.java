package io.dmpilot.dispatch.degrade;

import io.dmpilot.contracts.Tier;
import io.dmpilot.dispatch.DispatchConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Measures the load every sample interval from Kafka itself — the inbound topic's growth (messages per
 * second into the whole pipeline) and the lag of dispatch's consumer group — and keeps the degrade level
 * the {@link DegradePolicy} derives from it. Every replica measures the same topic and group, so they
 * agree on the level without talking to each other. A failed measurement keeps the level.
 */
@ApplicationScoped
public class LoadMonitor {
    private static final Logger LOG = Logger.getLogger(LoadMonitor.class);

    private final DispatchConfig.Degrade config;
    private final DegradePolicy policy;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final Map<String, Object> kafka;
    private final String inboundTopic;
    private final String lagGroup;
    private final String bootstrapServers;
    private final AtomicBoolean measuring = new AtomicBoolean();

    private volatile DegradeLevel level = DegradeLevel.NORMAL;
    private volatile long levelSince = System.currentTimeMillis();
    private volatile DegradePolicy.Load load = new DegradePolicy.Load(0, 0);
    private long inboundTotal = -1;
    private long inboundAt;
    private Admin admin;
    private long timer = -1;

    public LoadMonitor(
            DispatchConfig dispatch,
            Vertx vertx,
            MeterRegistry meters,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.dm-inbound.topic") String inboundTopic,
            @ConfigProperty(name = "mp.messaging.incoming.dm-reply-vetted.group.id") String vettedGroup,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = dispatch.degrade();
        this.policy = new DegradePolicy(
                new DegradePolicy.Thresholds(config.advancedInboundPerSecond(), config.advancedLag()),
                new DegradePolicy.Thresholds(config.basicInboundPerSecond(), config.basicLag()),
                config.recoverRatio(),
                config.hold().toMillis());
        this.vertx = vertx;
        this.meters = meters;
        this.kafka = kafka;
        this.inboundTopic = config.inboundTopic().orElse(inboundTopic);
        this.lagGroup = config.lagGroup().orElse(vettedGroup);
        this.bootstrapServers = bootstrapServers;
    }

    /** The level new replies are charged at. */
    public DegradeLevel level() {
        return level;
    }

    /** The tier a new reply of {@code tier} is charged against now; counted by tier, never by account. */
    public Tier charge(Tier tier) {
        Tier charged = level.charge(tier);
        if (charged != tier) {
            meters.counter("dmpilot_replies_degraded_total", "tier", tier.name(), "charged_tier", charged.name())
                    .increment();
        }
        return charged;
    }

    void start(@Observes StartupEvent started) {
        Gauge.builder("dmpilot_dispatch_degrade_level", () -> level.ordinal())
                .description("0 normal, 1 CUSTOM charged as ADVANCED, 2 CUSTOM charged as BASIC")
                .register(meters);
        Gauge.builder("dmpilot_dispatch_inbound_rate", () -> load.inboundPerSecond())
                .description("inbound messages per second, as the degrade monitor measured them")
                .register(meters);
        Gauge.builder("dmpilot_dispatch_consumer_lag", () -> load.lag())
                .description("records dispatch's consumer group is behind, as the degrade monitor measured them")
                .register(meters);
        if (!config.enabled()) return;
        admin = Admin.create(adminConfig());
        timer = vertx.setPeriodic(config.sampleInterval().toMillis(), id -> sample());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) vertx.cancelTimer(timer);
        if (admin != null) admin.close(Duration.ofSeconds(2));
    }

    private void sample() {
        if (!measuring.compareAndSet(false, true)) return;
        measure().whenComplete((measured, failure) -> {
            measuring.set(false);
            if (failure != null) {
                LOG.debugf("load not measured, the level stays %s: %s", level, failure.getMessage());
                return;
            }
            apply(measured);
        });
    }

    private synchronized void apply(DegradePolicy.Load measured) {
        load = measured;
        long now = System.currentTimeMillis();
        DegradeLevel next = policy.next(level, measured, now - levelSince);
        if (next == level) return;
        LOG.warnf("degrade %s → %s (inbound %.0f/s, lag %d)", level, next, measured.inboundPerSecond(), measured.lag());
        meters.counter("dmpilot_dispatch_degrade_switches_total", "to", next.name())
                .increment();
        level = next;
        levelSince = now;
    }

    private CompletionStage<DegradePolicy.Load> measure() {
        var partitions =
                admin.describeTopics(List.of(inboundTopic)).allTopicNames().toCompletionStage();
        var committed = admin.listConsumerGroupOffsets(lagGroup)
                .partitionsToOffsetAndMetadata()
                .toCompletionStage();
        return partitions
                .thenCombine(committed, (topics, offsets) -> {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    topics.get(inboundTopic)
                            .partitions()
                            .forEach(p ->
                                    latest.put(new TopicPartition(inboundTopic, p.partition()), OffsetSpec.latest()));
                    offsets.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                    return admin.listOffsets(latest).all().toCompletionStage().thenApply(ends -> load(ends, offsets));
                })
                .thenCompose(stage -> stage);
    }

    private synchronized DegradePolicy.Load load(
            Map<TopicPartition, ListOffsetsResultInfo> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        long now = System.currentTimeMillis();
        long total = ends.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(inboundTopic))
                .mapToLong(e -> e.getValue().offset())
                .sum();
        double rate = inboundTotal < 0 || now == inboundAt ? 0 : (total - inboundTotal) * 1000.0 / (now - inboundAt);
        inboundTotal = total;
        inboundAt = now;
        long lag = committed.entrySet().stream()
                .filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                .mapToLong(e ->
                        Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset()))
                .sum();
        return new DegradePolicy.Load(Math.max(0, rate), lag);
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> props = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) props.put(key, value);
        });
        props.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "dispatch-load-monitor");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }
}
