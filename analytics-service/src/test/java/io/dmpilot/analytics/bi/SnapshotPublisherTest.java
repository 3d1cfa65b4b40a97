package io.dmpilot.analytics.bi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.analytics.TimeBuckets;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.OutcomeSnapshot;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class SnapshotPublisherTest {
    @Test
    void anActiveAccountsHourIsPublishedForBiKeyedByAccountWithCloudEventsHeaders() {
        String account = "acct-" + UUID.randomUUID();
        InboundEvent first = SampleEvents.userMessage(account, "多少钱");
        InboundEvent second = SampleEvents.userMessage(account, "包邮吗");
        try (TopicProbe snapshots = TopicProbe.open(Topics.ANALYTICS_OUTCOMES)) {
            TopicProbe.send(Topics.INBOUND, first.conversationId(), EventJson.write(first));
            TopicProbe.send(Topics.INBOUND, second.conversationId(), EventJson.write(second));

            // snapshots repeat every tick: wait for one that has seen both messages
            List<OutcomeSnapshot> published = snapshots.awaitRecords(
                    OutcomeSnapshot.class,
                    s -> account.equals(s.accountOpenId()) && s.steps().get("RECEIVED") == 2,
                    Duration.ofSeconds(60));

            OutcomeSnapshot snapshot = published.get(0);
            assertEquals(TimeBuckets.hourOf(first.receivedAt()), snapshot.windowStart());
            assertEquals(snapshot.windowStart() + TimeBuckets.HOUR_MILLIS, snapshot.windowEnd());
            assertEquals(
                    List.of("RECEIVED", "MATCHED", "VETTED", "SENT", "REPLIED", "CONVERTED"),
                    List.copyOf(snapshot.steps().keySet()));
            assertEquals(0L, snapshot.outcomes().get("SENT"));
            ConsumerRecord<String, String> record = snapshots.rawRecords().stream()
                    .filter(r -> account.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("io.dmpilot.analytics.outcomes.v1", header(record, "ce_type"));
            assertEquals("/dmpilot/analytics-service", header(record, "ce_source"));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
