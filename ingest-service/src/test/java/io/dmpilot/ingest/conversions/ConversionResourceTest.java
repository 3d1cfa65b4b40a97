package io.dmpilot.ingest.conversions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.ConversionKind;
import io.dmpilot.contracts.Topics;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class ConversionResourceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TopicProbe conversions;

    @BeforeEach
    void openProbe() {
        conversions = TopicProbe.open(Topics.CONVERSIONS);
    }

    @AfterEach
    void closeProbe() {
        conversions.close();
    }

    @Test
    void orderIsPublishedOnceKeyedByConversation() {
        String id = "order-" + UUID.randomUUID();
        String conversation = "conv-" + UUID.randomUUID();

        post("test-key-1", order(id, conversation)).statusCode(200).body("status", equalTo("accepted"));

        Conversion published = awaitOne(id);
        assertEquals(ConversionKind.ORDER_PLACED, published.kind());
        assertEquals("acct-1", published.accountOpenId());
        assertEquals(12900, published.valueCents());
        assertEquals("CNY", published.currency());
        ConsumerRecord<String, String> record = conversions.rawRecords().stream()
                .filter(r -> r.value().contains(id))
                .findFirst()
                .orElseThrow();
        assertEquals(conversation, record.key());
        assertTrue(record.headers().lastHeader("ce_id") != null, "CloudEvents id header");
    }

    @Test
    void resentConversionIsAcknowledgedButPublishedOnce() {
        String id = "order-" + UUID.randomUUID();
        String body = order(id, "conv-" + UUID.randomUUID());

        post("test-key-1", body).statusCode(200).body("status", equalTo("accepted"));
        post("test-key-2", body).statusCode(200).body("status", equalTo("duplicate"));

        awaitOne(id);
        String marker = "marker-" + UUID.randomUUID();
        post("test-key-1", order(marker, "conv-" + UUID.randomUUID())).statusCode(200);
        awaitOne(marker);
        assertEquals(1, published(id).size());
    }

    @Test
    void missingOrWrongApiKeyIs401AndNothingIsPublished() {
        String id = "order-" + UUID.randomUUID();
        String body = order(id, "conv-" + UUID.randomUUID());

        post("test-key-3", body).statusCode(401).contentType("application/problem+json");
        post("test-key-1x", body).statusCode(401);
        post("", body).statusCode(401);
        given().contentType("application/json")
                .body(body)
                .post("/conversions")
                .then()
                .statusCode(401);

        String marker = "marker-" + UUID.randomUUID();
        post("test-key-1", order(marker, "conv-" + UUID.randomUUID())).statusCode(200);
        awaitOne(marker);
        assertTrue(published(id).isEmpty());
    }

    @Test
    void invalidConversionIs400NamingTheFieldAndNothingIsPublished() {
        String id = "click-" + UUID.randomUUID();
        String body = "{\"conversionId\":\"" + id
                + "\",\"kind\":\"CLICKED\",\"accountOpenId\":\"acct-1\",\"conversationId\":\"c\"}";

        post("test-key-1", body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("kind"));
        post("test-key-1", "{not json").statusCode(400);

        String marker = "marker-" + UUID.randomUUID();
        post("test-key-1", order(marker, "conv-" + UUID.randomUUID())).statusCode(200);
        awaitOne(marker);
        assertTrue(published(id).isEmpty());
    }

    @Test
    void rejectedConversionDoesNotBlockItsCorrectedResend() {
        String id = "lead-" + UUID.randomUUID();

        post("test-key-1", "{\"conversionId\":\"" + id + "\",\"kind\":\"LEAD_CAPTURED\",\"accountOpenId\":\"acct-1\"}")
                .statusCode(400)
                .body("field", equalTo("conversationId"));
        post(
                        "test-key-1",
                        "{\"conversionId\":\"" + id
                                + "\",\"kind\":\"LEAD_CAPTURED\",\"accountOpenId\":\"acct-1\",\"userOpenId\":\"u-1\"}")
                .statusCode(200)
                .body("status", equalTo("accepted"));

        assertEquals("u-1", awaitOne(id).userOpenId());
    }

    private Conversion awaitOne(String conversionId) {
        return conversions
                .awaitRecords(Conversion.class, c -> conversionId.equals(c.conversionId()), WAIT)
                .get(0);
    }

    private List<Conversion> published(String conversionId) {
        return conversions.records(Conversion.class, c -> conversionId.equals(c.conversionId()));
    }

    private static String order(String id, String conversation) {
        return "{\"conversionId\":\"" + id
                + "\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"acct-1\",\"conversationId\":\"" + conversation
                + "\",\"userOpenId\":\"user-1\",\"valueCents\":12900,\"currency\":\"CNY\"}";
    }

    private static ValidatableResponse post(String key, String body) {
        return given().contentType("application/json")
                .header("X-Api-Key", key)
                .body(body)
                .post("/conversions")
                .then();
    }
}
