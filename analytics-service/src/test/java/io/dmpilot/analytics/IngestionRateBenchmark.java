package io.dmpilot.analytics;

import static io.restassured.RestAssured.given;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Ingestion rate and CPU cost of the aggregator: conversations of 100 accounts, each one message through
 * the whole pipeline (inbound, candidate, vetted, outcome = 4 events), written to Kafka as fast as one
 * producer can (or paced at {@code benchmark.rate} events/s, the load the platform actually offers), timed
 * from the first write until the recorder's counters show every event recorded. CPU per event is this
 * JVM's process CPU time and PostgreSQL's over the round, divided by the events. Topics of its own (see
 * {@link BenchmarkTopics}). Not part of the suite (the name does not end in Test); run it with the command
 * in docs/benchmarks/analytics-service.md. Prints and appends one line per round to
 * target/ingestion-rate.txt; asserts nothing about time.
 */
@QuarkusTest
@TestProfile(BenchmarkTopics.class)
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class IngestionRateBenchmark {
    private static final int CONVERSATIONS = Integer.getInteger("benchmark.conversations", 2_500);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    /** Events per second offered; 0 writes everything at once (the consumer's ceiling). */
    private static final int RATE = Integer.getInteger("benchmark.rate", 0);

    private static final int ACCOUNTS = 100;
    private static final String[] TEXTS = {"这个多少钱，有优惠吗", "怎么退款", "请问包邮吗？发货要几天", "这款面膜适合敏感肌吗"};

    @Test
    void measureIngestionRate() throws IOException {
        // warm-up: JIT, connection pools, consumer assignment
        round(200);
        for (int i = 0; i < ROUNDS; i++) {
            String line = String.format("round %d: %s%n", i + 1, round(CONVERSATIONS));
            System.out.print(line);
            Files.writeString(
                    Path.of("target", "ingestion-rate.txt"),
                    line,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** @return the round's figures: events, events/s, CPU ms per event of this JVM and of PostgreSQL */
    private String round(int conversations) {
        long before = recorded();
        List<ProducerRecord<String, String>> records = records(conversations);
        CpuMeter cpuStart = CpuMeter.now();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < records.size(); i++) {
                producer.send(records.get(i));
                if (RATE > 0) pace(start, i + 1);
            }
            producer.flush();
        }
        long expected = before + records.size();
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> recorded() >= expected);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter cpu = CpuMeter.now().since(cpuStart);
        int events = records.size();
        return String.format(
                "%d events, offered %s, %.0f events/s, CPU per event: JVM %.2f ms, PostgreSQL %.2f ms",
                events,
                RATE > 0 ? RATE + "/s" : "at once",
                events / seconds,
                cpu.jvmNanos() / 1e6 / events,
                cpu.postgresNanos() / 1e6 / events);
    }

    /** Sleeps until event {@code sent} is due at the offered rate. */
    private static void pace(long start, int sent) {
        long due = start + sent * 1_000_000_000L / RATE;
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) LockSupport.parkNanos(wait);
    }

    @AfterAll
    static void deleteTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            List<String> topics = new ArrayList<>();
            for (String channel : BenchmarkTopics.TOPICS_BY_CHANNEL.keySet()) {
                topics.add(topic(channel));
                topics.add(config("mp.messaging.incoming." + channel + ".dead-letter-queue.topic"));
            }
            topics.retainAll(admin.listTopics().names().get(30, TimeUnit.SECONDS)); // a DLQ exists once written
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ProducerRecord<String, String>> records(int conversations) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long now = System.currentTimeMillis();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            String account = "bench-" + run + "-" + (i % ACCOUNTS);
            String conversation = "conv-" + run + "-" + i;
            String id = run + "-" + i;
            InboundEvent inbound = new InboundEvent(
                    "im_receive_msg:" + id,
                    InboundKind.USER_MESSAGE,
                    "sim-app",
                    account,
                    "user-" + i,
                    "小王",
                    conversation,
                    id,
                    "text",
                    TEXTS[i % TEXTS.length],
                    now,
                    now,
                    Map.of(),
                    "trace-" + id);
            ReplyCandidate candidate = new ReplyCandidate(
                    "cand:" + id,
                    inbound,
                    "agency",
                    Tier.ADVANCED,
                    "rule-" + (i % 7),
                    Scenario.values()[i % 3],
                    i % 2 == 0 ? "A" : "B",
                    "回复",
                    List.of("价格"),
                    1.0,
                    0,
                    now + 5,
                    now + 90_000,
                    null);
            VettedReply vetted = new VettedReply(candidate, Verdict.APPROVED, "回复", List.of(), now + 8);
            DispatchOutcome outcome = new DispatchOutcome(
                    "out-" + id,
                    inbound.eventId(),
                    candidate.candidateId(),
                    conversation,
                    account,
                    Tier.ADVANCED,
                    candidate.scenario(),
                    candidate.ruleId(),
                    candidate.variant(),
                    Outcome.SENT,
                    null,
                    now,
                    now + 5,
                    now + 8,
                    now + 20 + (i % 3_000),
                    0L);
            records.add(new ProducerRecord<>(topic(Channels.INBOUND), conversation, EventJson.write(inbound)));
            records.add(
                    new ProducerRecord<>(topic(Channels.REPLY_CANDIDATES), conversation, EventJson.write(candidate)));
            records.add(new ProducerRecord<>(topic(Channels.REPLY_VETTED), conversation, EventJson.write(vetted)));
            records.add(
                    new ProducerRecord<>(topic(Channels.DISPATCH_OUTCOMES), conversation, EventJson.write(outcome)));
        }
        return records;
    }

    /** Events recorded so far, all sources, from the service's own counter. */
    private static long recorded() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("dmpilot_analytics_events_recorded_total{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static String topic(String channel) {
        return config("mp.messaging.incoming." + channel + ".topic");
    }

    private static String bootstrap() {
        return config("kafka.bootstrap.servers");
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props);
    }
}
