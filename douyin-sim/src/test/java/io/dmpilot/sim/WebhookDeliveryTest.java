package io.dmpilot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.douyin.DouyinSignature;
import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebhookDelivery against a real HTTP server on a local port: what the platform's deliveries look like. */
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Vertx vertx;
    private HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile Consumer<HttpServerRequest> answer =
            request -> request.response().end("{\"status\":\"accepted\"}");

    record Received(String msgId, String signature, String contentType, String body) {}

    @BeforeEach
    void startReceiver() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    received.add(new Received(
                            request.getHeader("Msg-Id"),
                            request.getHeader("X-Douyin-Signature"),
                            request.getHeader("Content-Type"),
                            body.toString(StandardCharsets.UTF_8)));
                    answer.accept(request);
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private WebhookDelivery delivery(int port, int retries, Duration timeout) {
        return new WebhookDelivery(config("http://127.0.0.1:" + port + "/webhook/douyin", retries, timeout), vertx);
    }

    private WebhookDelivery delivery() {
        return delivery(server.actualPort(), 3, Duration.ofSeconds(5));
    }

    @Test
    void deliversTheSignedBodyAndReadsTheAnswer() {
        DouyinWebhook webhook = DouyinWebhook.userMessage("sim-app", "acc-1", "user-1", "conv-1", "m-1", "价格多少");

        WebhookDelivery.Answer answer =
                delivery().deliverReading(webhook).await().atMost(WAIT);

        assertEquals(200, answer.status());
        assertEquals("{\"status\":\"accepted\"}", answer.body());
        Received request = received.poll();
        assertNotNull(request);
        String body = new String(webhook.body(false), StandardCharsets.UTF_8);
        assertEquals(body, request.body());
        assertEquals(DouyinSignature.sign("secret", webhook.body(false)), request.signature());
        assertEquals("application/json", request.contentType());
        assertNotNull(request.msgId());
    }

    @Test
    void aRefusedDeliveryIsRetriedWithTheSameMsgIdUntilAccepted() {
        AtomicInteger calls = new AtomicInteger();
        answer = request -> {
            if (calls.incrementAndGet() < 3)
                request.response().setStatusCode(503).end("{}");
            else request.response().end("{\"status\":\"accepted\"}");
        };

        int status = delivery()
                .deliver(DouyinWebhook.userMessage("sim-app", "acc-1", "user-1", "conv-1", "m-2", "你好"))
                .await()
                .atMost(WAIT);

        assertEquals(200, status);
        List<String> ids = received.stream().map(Received::msgId).distinct().toList();
        assertEquals(3, received.size());
        assertEquals(1, ids.size(), "one delivery, one Msg-Id: " + ids);
    }

    @Test
    void aReceiverThatNeverAnswersEndsWithStatusZeroAfterTheRetries() {
        answer = request -> {}; // holds the request open
        WebhookDelivery slow = delivery(server.actualPort(), 1, Duration.ofMillis(300));

        int status = slow.deliver(DouyinWebhook.userMessage("sim-app", "acc-1", "user-1", "conv-1", "m-3", "在吗"))
                .await()
                .atMost(WAIT);

        assertEquals(0, status);
        assertEquals(2, received.size(), "the first attempt and one retry");
    }

    @Test
    void hostileBytesGetTheirAnswerWithoutRetryAndANoSignatureRequestSendsNone() {
        answer = request -> request.response().setStatusCode(401).end("{\"title\":\"bad signature\"}");
        byte[] garbage = {(byte) 0xC3, 0x28, 0x7B};

        WebhookDelivery.Answer answer =
                delivery().post(garbage, null, "application/json").await().atMost(WAIT);

        assertEquals(401, answer.status());
        assertEquals(1, received.size());
        Received request = received.poll();
        assertEquals(null, request.signature());
    }

    @Test
    void nothingListeningIsRetriedThenStatusZero() throws Exception {
        int closedPort = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        WebhookDelivery.Answer answer = delivery(closedPort, 2, Duration.ofSeconds(1))
                .post("{}".getBytes(StandardCharsets.UTF_8), "sig", "application/json")
                .await()
                .atMost(WAIT);

        assertEquals(0, answer.status());
        assertTrue(received.isEmpty());
    }

    @Test
    void manyConcurrentDeliveriesAreAllAnswered() {
        WebhookDelivery delivery = delivery();
        int deliveries = 2_000;
        List<Integer> statuses = Multi.createFrom()
                .range(0, deliveries)
                .onItem()
                .transformToUniAndMerge(i -> delivery.deliver(
                        DouyinWebhook.userMessage("sim-app", "acc-1", "user-" + i, "conv-" + i, "m-" + i, "你好")))
                .collect()
                .asList()
                .await()
                .atMost(WAIT);

        assertEquals(deliveries, statuses.size());
        assertTrue(statuses.stream().allMatch(status -> status == 200), "statuses " + statuses);
        assertEquals(deliveries, received.size());
    }

    private static SimConfig config(String url, int retries, Duration timeout) {
        return new SimConfig() {
            public String clientKey() {
                return "sim-app";
            }

            public String clientSecret() {
                return "secret";
            }

            public String webhookUrl() {
                return url;
            }

            public String accessToken() {
                return "token";
            }

            public Duration webhookTimeout() {
                return timeout;
            }

            public int webhookRetries() {
                return retries;
            }

            public int webhookMaxInFlight() {
                return 16;
            }

            public Duration webhookRetryBackoff() {
                return Duration.ofMillis(50);
            }

            public boolean echoSends() {
                return false;
            }

            public String rulesUrl() {
                return "http://127.0.0.1:1";
            }

            public String operatorKey() {
                return "key";
            }

            public String kafkaBootstrapServers() {
                return "127.0.0.1:1";
            }

            public String platformGroupPrefix() {
                return "dmpilot";
            }
        };
    }
}
