package io.dmpilot.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.CloudEventHeaders;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.douyin.DouyinSignature;
import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class WebhookResourceTest {
    private static final String APP = "sim-app";
    private static final String SECRET = "sim-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ReactiveRedisDataSource redis;

    private TopicProbe inbound;

    @BeforeEach
    void openProbe() {
        inbound = TopicProbe.open(Topics.INBOUND);
    }

    @AfterEach
    void closeProbe() {
        inbound.close();
    }

    @Test
    void signedUserMessageIsPublishedOnceKeyedByConversation() {
        DouyinWebhook hook = userMessage("价格是多少").withNickname("小王");

        post(hook.body(false), sign(hook.body(false))).statusCode(200).body("status", equalTo("accepted"));

        InboundEvent event = awaitOne(hook.serverMessageId());
        assertEquals(InboundKind.USER_MESSAGE, event.kind());
        assertEquals("acct-1", event.accountOpenId());
        assertEquals(hook.from(), event.userOpenId());
        assertEquals("小王", event.userNickname());
        assertEquals("价格是多少", event.text());
        assertTrue(event.receivedAt() > 0);
        ConsumerRecord<String, String> record = inbound.rawRecords().stream()
                .filter(r -> r.value().contains(hook.serverMessageId()))
                .findFirst()
                .orElseThrow();
        assertEquals(hook.conversationShortId(), record.key());
        assertTrue(record.headers().lastHeader("ce_id") != null, "CloudEvents id header");
    }

    /**
     * The record carries the W3C trace of the webhook (OpenTelemetry's {@code traceparent}), the event names
     * the same trace, and the account travels as a header for consumers' log context. The platform sends no
     * trace context: ingest starts one, and continues one it is given (douyin-sim's).
     */
    @Test
    void theRecordCarriesTheWebhooksTraceAndItsAccount() {
        DouyinWebhook started = userMessage("价格");
        post(started.body(false), sign(started.body(false))).statusCode(200);
        assertTraceCarried(started, null);

        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        DouyinWebhook continued = userMessage("价格");
        given().contentType("application/json")
                .header("X-Douyin-Signature", sign(continued.body(false)))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-00")
                .body(continued.body(false))
                .post("/webhook/douyin")
                .then()
                .statusCode(200);
        assertTraceCarried(continued, trace);
    }

    private void assertTraceCarried(DouyinWebhook hook, String expectedTrace) {
        InboundEvent event = awaitOne(hook.serverMessageId());
        ConsumerRecord<String, String> record = inbound.rawRecords().stream()
                .filter(r -> r.value().contains(hook.serverMessageId()))
                .findFirst()
                .orElseThrow();
        String traceparent = header(record, "traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), traceparent);
        String recordTrace = traceparent.split("-")[1];
        assertEquals(recordTrace, event.traceId());
        assertEquals(recordTrace, header(record, CloudEventHeaders.TRACE_ID));
        if (expectedTrace != null) assertEquals(expectedTrace, recordTrace);
        assertEquals("acct-1", header(record, CloudEventHeaders.ACCOUNT));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void contentAsJsonStringIsAccepted() {
        DouyinWebhook hook = userMessage("退款怎么弄");
        byte[] body = hook.body(true);

        post(body, sign(body)).statusCode(200);

        assertEquals("退款怎么弄", awaitOne(hook.serverMessageId()).text());
    }

    @Test
    void retriedDeliveryIsAcknowledgedButPublishedOnce() {
        DouyinWebhook hook = userMessage("在吗");
        byte[] body = hook.body(false);

        post(body, sign(body)).statusCode(200).body("status", equalTo("accepted"));
        post(body, sign(body)).statusCode(200).body("status", equalTo("duplicate"));
        post(body, sign(body)).statusCode(200).body("status", equalTo("duplicate"));

        awaitOne(hook.serverMessageId());
        DouyinWebhook marker = userMessage("marker");
        post(marker.body(false), sign(marker.body(false))).statusCode(200);
        awaitOne(marker.serverMessageId());
        assertEquals(1, published(hook.serverMessageId()).size());
    }

    /**
     * A process killed between claiming a message and Kafka's ack leaves the claim behind. The platform's retry
     * must then be told to come back (409, not "duplicate": nothing was stored) and, once the claim has expired,
     * be stored: before claims expired, that message was acknowledged as a duplicate and lost.
     */
    @Test
    void aClaimLeftByADeadDeliveryIsRetriedNotAcknowledgedThenStoredOnceItExpires() {
        DouyinWebhook hook = userMessage("还在吗");
        byte[] body = hook.body(false);
        redis.value(String.class).setex(seenKey(hook), 2, "claimed").await().atMost(WAIT);

        post(body, sign(body))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("still being stored"));
        assertTrue(published(hook.serverMessageId()).isEmpty(), "nothing stored while the claim is held");

        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> post(body, sign(body)).extract().statusCode() == 200);
        assertEquals("还在吗", awaitOne(hook.serverMessageId()).text());
        post(body, sign(body)).statusCode(200).body("status", equalTo("duplicate"));
    }

    /** Ids remembered before claims existed hold "1": they were stored, and stay duplicates. */
    @Test
    void anIdRememberedByAnEarlierVersionIsADuplicate() {
        DouyinWebhook hook = userMessage("旧版本");
        byte[] body = hook.body(false);
        redis.value(String.class).setex(seenKey(hook), 60, "1").await().atMost(WAIT);

        post(body, sign(body)).statusCode(200).body("status", equalTo("duplicate"));

        DouyinWebhook marker = userMessage("marker");
        post(marker.body(false), sign(marker.body(false))).statusCode(200);
        awaitOne(marker.serverMessageId());
        assertTrue(published(hook.serverMessageId()).isEmpty());
    }

    private static String seenKey(DouyinWebhook hook) {
        return "ingest:seen:" + InboundNormalizer.eventIdOf("im_receive_msg", hook.serverMessageId());
    }

    @Test
    void forgedOrMissingSignatureIs401AndNothingIsPublished() {
        DouyinWebhook hook = userMessage("伪造");
        byte[] body = hook.body(false);

        post(body, DouyinSignature.sign("wrong-secret", body)).statusCode(401).contentType("application/problem+json");
        given().contentType("application/json")
                .body(body)
                .post("/webhook/douyin")
                .then()
                .statusCode(401);
        post(body, "zz").statusCode(401);

        DouyinWebhook marker = userMessage("marker");
        post(marker.body(false), sign(marker.body(false))).statusCode(200);
        awaitOne(marker.serverMessageId());
        assertTrue(published(hook.serverMessageId()).isEmpty());
    }

    @Test
    void handshakeAnswersTheChallenge() {
        byte[] body = DouyinWebhook.handshake(APP, 12345);

        post(body, sign(body)).statusCode(200).body("challenge", equalTo(12345));
    }

    @Test
    void ourOwnSendEchoIsNotUserInputAndAppReplyIsHuman() {
        String conversation = "conv-" + UUID.randomUUID();
        DouyinWebhook echo = DouyinWebhook.sendEcho(APP, "acct-1", "user-1", conversation, id(), "您好");
        DouyinWebhook person = DouyinWebhook.appReply(APP, "acct-1", "user-1", conversation, id(), "我是客服");

        post(echo.body(false), sign(echo.body(false))).statusCode(200);
        post(person.body(false), sign(person.body(false))).statusCode(200);

        InboundEvent echoed = awaitOne(echo.serverMessageId());
        assertEquals(InboundKind.SEND_ECHO, echoed.kind());
        assertEquals("acct-1", echoed.accountOpenId());
        assertEquals("user-1", echoed.userOpenId());
        assertEquals(InboundKind.HUMAN_REPLY, awaitOne(person.serverMessageId()).kind());
    }

    @Test
    void malformedBodiesAre4xxProblems() {
        byte[] notJson = "{not json".getBytes();
        post(notJson, sign(notJson)).statusCode(400).contentType("application/problem+json");
        byte[] noContent = ("{\"event\":\"im_receive_msg\",\"client_key\":\"" + APP + "\"}").getBytes();
        post(noContent, sign(noContent)).statusCode(400).body("field", equalTo("content"));
        byte[] unknownEvent = ("{\"event\":\"im_teleport\",\"client_key\":\"" + APP
                        + "\",\"from_user_id\":\"u\",\"to_user_id\":\"a\",\"content\":{\"server_message_id\":\"1\"}}")
                .getBytes();
        post(unknownEvent, sign(unknownEvent)).statusCode(400).body("field", equalTo("event"));
        byte[] valid = userMessage("hi").body(false);
        given().contentType("text/plain")
                .header("X-Douyin-Signature", sign(valid))
                .body(valid)
                .post("/webhook/douyin")
                .then()
                .statusCode(415);
        byte[] huge = new byte[200_000];
        java.util.Arrays.fill(huge, (byte) 'a');
        given().contentType("application/json")
                .header("X-Douyin-Signature", sign(huge))
                .body(huge)
                .post("/webhook/douyin")
                .then()
                .statusCode(413);
    }

    private InboundEvent awaitOne(String serverMessageId) {
        return inbound.awaitRecords(InboundEvent.class, e -> serverMessageId.equals(e.serverMessageId()), WAIT)
                .get(0);
    }

    private List<InboundEvent> published(String serverMessageId) {
        return inbound.records(InboundEvent.class, e -> serverMessageId.equals(e.serverMessageId()));
    }

    private static DouyinWebhook userMessage(String text) {
        return DouyinWebhook.userMessage(APP, "acct-1", "user-" + id(), "conv-" + id(), id(), text);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String sign(byte[] body) {
        return DouyinSignature.sign(SECRET, body);
    }

    private static io.restassured.response.ValidatableResponse post(byte[] body, String signature) {
        return given().contentType("application/json")
                .header("X-Douyin-Signature", signature)
                .body(body)
                .post("/webhook/douyin")
                .then();
    }
}
