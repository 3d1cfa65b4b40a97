package io.dmpilot.sim;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.testing.LocalAddresses;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end over real Kafka, Redis and PostgreSQL: douyin-sim posts signed webhooks
 * to the packaged ingest-service, and the answer is what douyin-sim's send API received.
 */
class PipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static PackagedServices stack;
    private static String sim;
    private static String rules;
    private static String analytics;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        stack = new PackagedServices(root)
                .add("ingest-service", 18081, Map.of())
                .add("rules-service", 18082, Map.of("QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA", "rules_it"))
                .add("compliance-service", 18083, Map.of())
                .add("dispatch-service", 18084, Map.of("DOUYIN_API_URL", "http://127.0.0.1:18086"))
                .add(
                        "analytics-service",
                        18085,
                        Map.of("QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA", "analytics_it"))
                .add("douyin-sim", 18086, Map.of("INGEST_WEBHOOK_URL", "http://127.0.0.1:18081/webhook/douyin"));
        stack.startAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                LocalAddresses.kafka(),
                "REDIS_URL",
                LocalAddresses.redis(),
                "PG_URL",
                LocalAddresses.postgres(),
                // its own consumer groups: a platform running beside the test keeps its offsets
                "KAFKA_GROUP_PREFIX",
                "dmpilot-it",
                "TYPING_PAUSE_MIN",
                "0ms",
                "TYPING_PAUSE_MAX",
                "0ms"));
        sim = stack.service("douyin-sim").url();
        rules = stack.service("rules-service").url();
        analytics = stack.service("analytics-service").url();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) stack.close();
    }

    @Test
    void userMessageToTheDemoAccountIsAnsweredInItsConversation() {
        String conversation = sendMessage("demo-account", "这个多少钱", 1);

        List<Map<String, Object>> sent = awaitSent(conversation, 1);

        assertEquals("demo-account", sent.get(0).get("accountOpenId"));
        assertTrue(((String) sent.get(0).get("text")).contains("感谢您的私信"), () -> "reply: " + sent);
    }

    @Test
    void replyWithAnExtremeAdvertisingWordIsNotSentAndCountedBlocked() {
        String account = createAccount("我们的价格全网最便宜！");
        String conversation = sendMessage(account, "价格多少", 1);

        Awaitility.await().atMost(WAIT).until(() -> count(account, "BLOCKED") == 1);
        String marker = sendMessage(account, "还在吗", 1);
        Awaitility.await().atMost(WAIT).until(() -> count(account, "BLOCKED") == 2);

        assertTrue(sent(conversation).isEmpty());
        assertTrue(sent(marker).isEmpty());
        assertEquals(0, count(account, "SENT"));
        assertEquals(2, count(account, "RECEIVED"));
    }

    @Test
    void theSameWebhookDeliveredTwiceIsAnsweredOnce() {
        String account = createAccount("您好，已收到");
        String conversation = sendMessage(account, "在吗", 2);
        awaitSent(conversation, 1);

        // a later message in the same conversation travels the same partitions behind the duplicate
        given().contentType(ContentType.JSON)
                .body(Map.of("accountOpenId", account, "conversationId", conversation, "text", "还有一个问题"))
                .post(sim + "/sim/messages")
                .then()
                .statusCode(200);
        awaitSent(conversation, 2);
        Awaitility.await().atMost(WAIT).until(() -> count(account, "SENT") == 2);

        assertEquals(2, sent(conversation).size());
        assertEquals(2, count(account, "RECEIVED"));
    }

    private static String createAccount(String fixedReply) {
        String openId = "it-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "openId",
                        openId,
                        "agencyId",
                        "it-agency",
                        "name",
                        "集成测试店铺",
                        "tier",
                        "BASIC",
                        "fixedReply",
                        fixedReply))
                .post(rules + "/accounts")
                .then()
                .statusCode(201);
        return openId;
    }

    private static String sendMessage(String account, String text, int deliveries) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("accountOpenId", account, "text", text, "nickname", "小王", "deliveries", deliveries))
                .post(sim + "/sim/messages")
                .then()
                .statusCode(200)
                .extract()
                .path("conversationId");
    }

    private static List<Map<String, Object>> awaitSent(String conversation, int atLeast) {
        Awaitility.await().atMost(WAIT).until(() -> sent(conversation).size() >= atLeast);
        return sent(conversation);
    }

    private static List<Map<String, Object>> sent(String conversation) {
        return given().queryParam("conversationId", conversation)
                .get(sim + "/sim/sent")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static int count(String account, String outcome) {
        Integer n = given().get(analytics + "/analytics/accounts/{id}/outcomes", account)
                .then()
                .statusCode(200)
                .extract()
                .path("counts." + outcome);
        return n == null ? 0 : n;
    }
}
