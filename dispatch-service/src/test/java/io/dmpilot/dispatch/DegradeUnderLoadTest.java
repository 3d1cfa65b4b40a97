package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.FallbackReply;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.dispatch.degrade.DegradeLevel;
import io.dmpilot.dispatch.degrade.LoadMonitor;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real load on a real broker: a burst of records on the measured topic raises its rate and, against a
 * consumer group the test holds back, the lag; dispatch charges CUSTOM replies against cheaper tiers in
 * Redis and says so in the outcome, and comes back when the group catches up. The measured topic and group
 * are this test's own, so other suites' traffic on the shared broker cannot move the level.
 */
@QuarkusTest
@TestProfile(DegradeUnderLoadTest.LowThresholds.class)
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class DegradeUnderLoadTest {
    static final String TOPIC = "dmpilot-test.dispatch-degrade-load";
    static final String GROUP = "dmpilot-test-dispatch-degrade-lag";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** ADVANCED from 100/s or 500 behind, BASIC only from 2,000 behind; no hold, a fast sample. */
    public static class LowThresholds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dmpilot.dispatch.degrade.enabled", "true",
                    "dmpilot.dispatch.degrade.inbound-topic", TOPIC,
                    "dmpilot.dispatch.degrade.lag-group", GROUP,
                    "dmpilot.dispatch.degrade.advanced-inbound-per-second", "100",
                    "dmpilot.dispatch.degrade.advanced-lag", "500",
                    "dmpilot.dispatch.degrade.basic-inbound-per-second", "1000000000",
                    "dmpilot.dispatch.degrade.basic-lag", "2000",
                    "dmpilot.dispatch.degrade.recover-ratio", "0.5",
                    "dmpilot.dispatch.degrade.hold", "0ms",
                    "dmpilot.dispatch.degrade.sample-interval", "200ms");
        }
    }

    @Inject
    LoadMonitor monitor;

    @Inject
    MeterRegistry meters;

    @Inject
    ReactiveRedisDataSource redis;

    private Admin admin;
    private TopicProbe outcomes;

    @BeforeEach
    void caughtUp() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
        try {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
        produce(1);
        commitToEnd();
        outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES);
        awaitLevel(DegradeLevel.NORMAL);
    }

    @AfterEach
    void close() {
        outcomes.close();
        admin.close();
    }

    @Test
    void customRepliesFallBackToAdvancedThenBasicUnderLoadAndComeBackWhenItFalls() throws Exception {
        String account = "acct-" + UUID.randomUUID();

        produce(600);
        awaitLevel(DegradeLevel.ADVANCED);
        assertCharged(account, Tier.CUSTOM, Tier.ADVANCED, "degraded-to-ADVANCED;");

        produce(1_600);
        awaitLevel(DegradeLevel.BASIC);
        assertCharged(account, Tier.CUSTOM, Tier.BASIC, "degraded-to-BASIC;");
        assertCharged(account, Tier.ADVANCED, Tier.ADVANCED, "sent-");
        assertAnsweredByTheCheaperEngine(account);

        commitToEnd();
        awaitLevel(DegradeLevel.NORMAL);
        assertCharged(account, Tier.CUSTOM, Tier.CUSTOM, "sent-");

        assertTrue(meters.counter("dmpilot_replies_degraded_total", "tier", "CUSTOM", "charged_tier", "ADVANCED")
                        .count()
                >= 1);
        assertTrue(meters.counter("dmpilot_replies_degraded_total", "tier", "CUSTOM", "charged_tier", "BASIC")
                        .count()
                >= 1);
        assertTrue(meters.counter("dmpilot_dispatch_degrade_switches_total", "to", "NORMAL")
                        .count()
                >= 1);
        assertTrue(meters.find("dmpilot_replies_degraded_total").counters().stream()
                .allMatch(c -> c.getId().getTag("account") == null));
    }

    /** A reply of {@code tier} goes out, charged against {@code charged}'s quota, its outcome saying so. */
    private void assertCharged(String account, Tier tier, Tier charged, String detailPrefix) {
        InboundEvent inbound = SampleEvents.userMessage(account, "问题");
        var reply = SampleEvents.approved(SampleEvents.candidate(inbound, tier, "回复"));
        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertEquals(tier, outcome.tier(), "the outcome keeps the tier of the engine that wrote the reply");
        assertTrue(outcome.detail().startsWith(detailPrefix), outcome.detail());
        String candidate = reply.candidate().candidateId();
        for (Tier t : Tier.values()) {
            Double score = redis.sortedSet(String.class)
                    .zscore(QuotaGate.key(account, t), candidate)
                    .await()
                    .atMost(WAIT);
            if (t == charged) assertNotNull(score, "charged against " + t);
            else assertNull(score, "not charged against " + t);
        }
    }

    /**
     * Degraded to BASIC, a CUSTOM reply that carries a BASIC fallback goes out as that fallback: the text sent
     * is the one the tier charged wrote, and the outcome names that tier and rule.
     */
    private void assertAnsweredByTheCheaperEngine(String account) {
        InboundEvent inbound = SampleEvents.userMessage(account, "怎么卖");
        FallbackReply basic = new FallbackReply(Tier.BASIC, "fixed:FALLBACK", Scenario.FALLBACK, "感谢私信，稍后回复");
        var reply = SampleEvents.approved(
                        SampleEvents.candidate(inbound, Tier.CUSTOM, "intent:price", "定制的长回复", basic, null))
                .withFallbackText(basic.text());
        DispatchOutcome outcome = publishAndAwait(reply);

        assertEquals(Outcome.SENT, outcome.outcome());
        assertEquals(Tier.BASIC, outcome.tier());
        assertEquals("fixed:FALLBACK", outcome.ruleId());
        assertTrue(outcome.detail().startsWith("degraded-to-BASIC;sent-"), outcome.detail());
        assertEquals(
                List.of("感谢私信，稍后回复"),
                PlatformStub.to(inbound.conversationId()).stream()
                        .map(r -> r.request().content().text().text())
                        .toList());
    }

    private DispatchOutcome publishAndAwait(VettedReply reply) {
        String conversation = reply.candidate().inbound().conversationId();
        TopicProbe.send(Topics.REPLY_VETTED, conversation, EventJson.write(reply));
        return outcomes.awaitRecords(DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT)
                .get(0);
    }

    private void awaitLevel(DegradeLevel level) {
        Awaitility.await().atMost(WAIT).until(() -> monitor.level() == level);
        assertEquals(
                level.ordinal(),
                meters.get("dmpilot_dispatch_degrade_level").gauge().value());
    }

    private void produce(int records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < records; i++) producer.send(new ProducerRecord<>(TOPIC, "k", "load-" + i));
            producer.flush();
        }
    }

    private void commitToEnd() throws Exception {
        long end = admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest()))
                .partitionResult(PARTITION)
                .get()
                .offset();
        admin.alterConsumerGroupOffsets(GROUP, Map.of(PARTITION, new OffsetAndMetadata(end)))
                .all()
                .get();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
