package io.dmpilot.analytics;

import static io.restassured.RestAssured.given;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Ingestion rate of the aggregator: conversations of 100 accounts, each one message through the whole
 * pipeline (inbound, candidate, vetted, outcome = 4 events), written to Kafka as fast as one producer can,
 * timed from the first write until the recorder's counters show every event recorded. Not part of the
 * suite (the name does not end in Test); run it with the command in docs/benchmarks/analytics-service.md.
 * Prints and appends one line per round to target/ingestion-rate.txt; asserts nothing about time.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class IngestionRateBenchmark {
    private static final int CONVERSATIONS = Integer.getInteger("benchmark.conversations", 2_500);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final int ACCOUNTS = 100;
    private static final String[] TEXTS = {"这个多少钱，有优惠吗", "怎么退款", "请问包邮吗？发货要几天", "这款面膜适合敏感肌吗"};

    @Test
    void measureIngestionRate() throws IOException {
        // warm-up: JIT, connection pools, consumer assignment
        round(200);
        for (int i = 0; i < ROUNDS; i++) {
            double rate = round(CONVERSATIONS);
            String line = String.format("round %d: %d events in %.0f events/s%n", i + 1, CONVERSATIONS * 4, rate);
            System.out.print(line);
            Files.writeString(
                    Path.of("target", "ingestion-rate.txt"),
                    line,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** @return events recorded per second */
    private double round(int conversations) {
        long before = recorded();
        List<ProducerRecord<String, String>> records = records(conversations);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            records.forEach(producer::send);
            producer.flush();
        }
        long expected = before + records.size();
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> recorded() >= expected);
        double seconds = (System.nanoTime() - start) / 1e9;
        return records.size() / seconds;
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
                    now + 20 + (i % 3_000));
            records.add(new ProducerRecord<>(Topics.INBOUND, conversation, EventJson.write(inbound)));
            records.add(new ProducerRecord<>(Topics.REPLY_CANDIDATES, conversation, EventJson.write(candidate)));
            records.add(new ProducerRecord<>(Topics.REPLY_VETTED, conversation, EventJson.write(vetted)));
            records.add(new ProducerRecord<>(Topics.DISPATCH_OUTCOMES, conversation, EventJson.write(outcome)));
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

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props);
    }
}
