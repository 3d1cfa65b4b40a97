package io.dmpilot.analytics;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The batch path against the real PostgreSQL, without Kafka in between: a batch must count exactly what
 * the same events recorded one by one count, and a malformed record must leave the batch alone.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class BatchRecordingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutcomeStore store;

    @Inject
    BatchRecorder recorder;

    @Inject
    EventRecordings recordings;

    @Test
    void aBatchWithRedeliveriesCountsWhatTheSameEventsCountRecordedOneByOne() {
        String batched = "acct-" + UUID.randomUUID();
        String oneByOne = "acct-" + UUID.randomUUID();
        List<Recording> batch = new ArrayList<>();
        for (Recording recording : scenario(batched)) {
            batch.add(recording);
            batch.add(recording); // redelivered within the batch
        }
        List<Recording> single = scenario(oneByOne);

        assertEquals(batch.size() / 2, store.record(batch).await().atMost(WAIT).size());
        assertEquals(0, store.record(batch).await().atMost(WAIT).size(), "a redelivered batch counts nothing");
        for (Recording recording : single)
            store.record(List.of(recording)).await().atMost(WAIT);

        for (String report : List.of("funnel", "response-times", "paths", "ab")) {
            assertEquals(
                    answer(oneByOne, report + "?from={f}&to={t}", AnalyticsScenario.FROM, AnalyticsScenario.TO),
                    answer(batched, report + "?from={f}&to={t}", AnalyticsScenario.FROM, AnalyticsScenario.TO)
                            .replace(batched, oneByOne),
                    report);
        }
        String day = "keywords?from={d}&to={d}";
        assertEquals(
                answer(oneByOne, day, AnalyticsScenario.DAY, AnalyticsScenario.DAY),
                answer(batched, day, AnalyticsScenario.DAY, AnalyticsScenario.DAY)
                        .replace(batched, oneByOne));
        assertEquals(answer(oneByOne, "outcomes"), answer(batched, "outcomes").replace(batched, oneByOne));
    }

    @Test
    void aMalformedRecordInABatchIsNackedAloneAndTheRestIsCountedOnce() {
        String account = "acct-" + UUID.randomUUID();
        EventScript script = new EventScript(account);
        script.message("c1-" + account, "退货", AnalyticsScenario.HOUR.toEpochMilli());
        script.message("c2-" + account, "退货", AnalyticsScenario.HOUR.toEpochMilli() + 1);
        String first = script.records().get(0)[1];
        String second = script.records().get(1)[1];
        Handlers handlers = new Handlers();
        IncomingKafkaRecordBatch<String, String> batch =
                batch(handlers, first, "{not an event", first, "{\"kind\": null}", second);

        recorder.record("inbound", batch, p -> recordings.inbound(EventJson.read(p, InboundEvent.class)))
                .await()
                .atMost(WAIT);

        assertEquals(List.of(1L, 3L), handlers.nacked, "only the malformed records, each alone");
        assertEquals(List.of(4L), handlers.committed, "the batch is acknowledged up to its last record");
        asSuperadmin()
                .get("/analytics/accounts/{id}/outcomes", account)
                .then()
                .statusCode(200)
                .body("counts.RECEIVED", org.hamcrest.Matchers.equalTo(2));
    }

    /** The ingestion scenario's conversations and the order of c1, every topic once. */
    private List<Recording> scenario(String account) {
        EventScript script = AnalyticsScenario.conversations(account);
        script.conversion("c1-" + account, AnalyticsScenario.HOUR.toEpochMilli() + 600_000);
        List<Recording> out = new ArrayList<>();
        for (String[] record : script.records()) read(record[0], record[1]).ifPresent(out::add);
        return out;
    }

    private Optional<Recording> read(String topic, String json) {
        return switch (topic) {
            case Topics.INBOUND -> recordings.inbound(EventJson.read(json, InboundEvent.class));
            case Topics.REPLY_CANDIDATES -> recordings.candidate(EventJson.read(json, ReplyCandidate.class));
            case Topics.REPLY_VETTED -> recordings.vetted(EventJson.read(json, VettedReply.class));
            case Topics.DISPATCH_OUTCOMES -> recordings.outcome(EventJson.read(json, DispatchOutcome.class));
            case Topics.CONVERSIONS -> recordings.conversion(EventJson.read(json, Conversion.class));
            default -> throw new IllegalArgumentException(topic);
        };
    }

    private static String answer(String account, String path, Object... params) {
        List<Object> all = new ArrayList<>(List.of(account));
        all.addAll(List.of(params));
        return asSuperadmin()
                .get("/analytics/accounts/{id}/" + path, all.toArray())
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** One partition, offsets 0.., as the connector would hand them over, with handlers that remember. */
    private static IncomingKafkaRecordBatch<String, String> batch(Handlers handlers, String... payloads) {
        TopicPartition partition = new TopicPartition(Topics.INBOUND, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            records.add(new ConsumerRecord<>(Topics.INBOUND, 0, i, "key", payloads[i]));
        }
        return new IncomingKafkaRecordBatch<>(
                new ConsumerRecords<>(Map.of(partition, records)), "dm-inbound", -1, handlers, handlers, false, false);
    }

    private static final class Handlers implements KafkaCommitHandler, KafkaFailureHandler {
        final List<Long> committed = new CopyOnWriteArrayList<>();
        final List<Long> nacked = new CopyOnWriteArrayList<>();

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            committed.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            nacked.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    }
}
