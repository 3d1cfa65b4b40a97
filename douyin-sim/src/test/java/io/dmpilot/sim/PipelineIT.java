package io.dmpilot.sim;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.testing.LocalAddresses;
import io.dmpilot.testing.OperatorKeys;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
    /** dispatch's key for the accounts' tokens: the public local-only value of deploy/local/run.sh. */
    private static final String LOCAL_SECRETS_KEY = "ZG1waWxvdC1sb2NhbC1vbmx5LXNlY3JldHMta2V5ISE=";

    private static final String GROUP_PREFIX =
            "dmpilot-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static PackagedServices stack;
    private static String sim;
    private static String rules;
    private static String analytics;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        stack = new PackagedServices(root)
                .add("ingest-service", 18081, Map.of("RULES_URL", "http://127.0.0.1:18082"))
                .add("rules-service", 18082, Map.of("RULES_SCHEMA", "rules_it"))
                .add("compliance-service", 18083, Map.of("RULES_URL", "http://127.0.0.1:18082"))
                .add(
                        "dispatch-service",
                        18084,
                        Map.of(
                                "DOUYIN_API_URL",
                                "http://127.0.0.1:18086",
                                "RULES_URL",
                                "http://127.0.0.1:18082",
                                // the local runs' public key for the accounts' tokens (deploy/local/run.sh)
                                "DMPILOT_SECRETS_KEY",
                                LOCAL_SECRETS_KEY))
                .add(
                        "analytics-service",
                        18085,
                        Map.of(
                                "QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA",
                                "analytics_it",
                                "RULES_URL",
                                "http://127.0.0.1:18082"))
                .add(
                        "douyin-sim",
                        18086,
                        Map.of(
                                "INGEST_WEBHOOK_URL",
                                "http://127.0.0.1:18081/webhook/douyin",
                                "RULES_URL",
                                "http://127.0.0.1:18082"));
        stack.startAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                LocalAddresses.kafka(),
                "REDIS_URL",
                LocalAddresses.redis(),
                "PG_URL",
                LocalAddresses.postgres(),
                "DMPILOT_BOOTSTRAP_KEY",
                OperatorKeys.LOCAL_BOOTSTRAP,
                "DMPILOT_SERVICE_KEY",
                OperatorKeys.LOCAL_SERVICE,
                // fresh consumer groups reading only what this run sends: neither a platform running beside
                // the test nor the records other suites left on the shared topics are in the way
                "KAFKA_GROUP_PREFIX",
                GROUP_PREFIX,
                "KAFKA_AUTO_OFFSET_RESET",
                "latest",
                "TYPING_PAUSE_MIN",
                "0ms",
                "TYPING_PAUSE_MAX",
                "0ms"));
        sim = stack.service("douyin-sim").url();
        rules = stack.service("rules-service").url();
        analytics = stack.service("analytics-service").url();
        awaitPipelineAssigned();
    }

    /**
     * With "latest", a record sent before a consumer has its partitions would be skipped: canaries go
     * through until one is answered and counted, which proves every stage holds its partitions.
     */
    private static void awaitPipelineAssigned() {
        String canary = createAccount("canary");
        List<String> conversations = new ArrayList<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    conversations.add(sendMessage(canary, "canary", 1));
                    return conversations.stream().anyMatch(c -> !sent(c).isEmpty()) && count(canary, "SENT") > 0;
                });
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) stack.close();
        deleteConsumerGroups();
    }

    private static void deleteConsumerGroups() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalAddresses.kafka()))) {
            List<String> ours = admin.listConsumerGroups().all().get().stream()
                    .map(group -> group.groupId())
                    .filter(id -> id.startsWith(GROUP_PREFIX))
                    .toList();
            admin.deleteConsumerGroups(ours).all().get();
        } catch (Exception e) {
            // leftover empty groups cost nothing but a line in the broker's group list
        }
    }

    /**
     * The quick load profile as a smoke test: a real open-loop run over fresh accounts of every tier. What it
     * checks is loss and duplication, never time: every accepted message ends in exactly one terminal outcome,
     * no reply goes out twice, the blocked account's replies end BLOCKED, and the hostile requests mixed in
     * (malformed, unsigned, replayed) are all answered 4xx or "duplicate" and produce no outcome.
     */
    @Test
    void aSmallLoadRunLosesNothingAndSendsNothingTwice() {
        Map<String, Object> plan = Map.of(
                "accounts", 10, "usersPerAccount", 20, "rates", List.of(10, 20), "stepSeconds", 5, "drainSeconds", 120);
        String run = given().contentType(ContentType.JSON)
                .body(plan)
                .post(sim + "/sim/load/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Awaitility.await()
                .atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Set.of("DONE", "FAILED").contains(loadRun(run).getString("phase")));
        var status = loadRun(run);
        assertEquals("DONE", status.getString("phase"), status.prettify());
        assertEquals(Map.of("accepted", 150), status.getMap("webhookResults"), status.prettify());
        assertEquals(150, status.getInt("check.accepted"));
        assertEquals(0, status.getInt("check.withoutOutcome"), status.prettify());
        assertEquals(0, status.getInt("check.withSeveralOutcomes"), status.prettify());
        assertEquals(0, status.getInt("check.duplicateSends"), status.prettify());
        assertTrue(status.getInt("hostileRequests") > 0, status.prettify());
        assertEquals(0, status.getInt("check.hostileServerErrors"), status.prettify());
        assertEquals(0, status.getInt("check.hostileLeaked"), status.prettify());
        assertTrue(status.getBoolean("check.passed"), status.prettify());
        Map<String, Integer> outcomes = status.getMap("outcomes");
        assertEquals(150, outcomes.values().stream().mapToInt(Integer::intValue).sum(), outcomes.toString());
        assertTrue(outcomes.getOrDefault("SENT", 0) > 0, outcomes.toString());
        assertTrue(outcomes.getOrDefault("BLOCKED", 0) > 0, outcomes.toString());
        int replies = status.getInt("steps[0].replies") + status.getInt("steps[1].replies");
        assertEquals(outcomes.get("SENT"), replies, "one latency sample per reply sent");
        String hgrm = given().get(sim + "/sim/load/runs/{id}/histograms/1", run)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(hgrm.contains("Percentile"), hgrm);
        String report = given().get(sim + "/sim/load/runs/{id}/report", run)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(report.contains("**passed**"), report);
    }

    @Test
    void operatorEndpointsOfThePackagedServicesNeedAKey() {
        Map<String, String> endpoints = Map.of(
                "rules-service", "/accounts",
                "compliance-service", "/lexicons/terms",
                "dispatch-service", "/handoffs/demo-account",
                "analytics-service", "/analytics/accounts/demo-account/outcomes");
        endpoints.forEach((module, path) -> {
            String url = stack.service(module).url() + path;
            given().get(url).then().statusCode(401).contentType("application/problem+json");
            asSuperadmin().get(url).then().statusCode(200);
        });
    }

    @Test
    void aBadLoadPlanIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("accounts", 10_001))
                .post(sim + "/sim/load/runs")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("accounts"));
        given().get(sim + "/sim/load/runs/{id}", "load-nope").then().statusCode(404);
    }

    private static io.restassured.path.json.JsonPath loadRun(String id) {
        return given().get(sim + "/sim/load/runs/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void userMessageToTheDemoAccountIsAnsweredInItsConversation() {
        String conversation = sendMessage("demo-account", "这个多少钱", 1);

        List<Map<String, Object>> sent = awaitSent(conversation, 1);

        assertEquals("demo-account", sent.get(0).get("accountOpenId"));
        assertTrue(((String) sent.get(0).get("text")).contains("感谢您的私信"), () -> "reply: " + sent);
    }

    /**
     * One W3C trace from the webhook to the send API: douyin-sim starts it (unsampled, so nothing is exported),
     * and the reply dispatch sends after ingest, rules, compliance and three Kafka topics carries the same trace
     * id. A hop that lost the context would start a trace of its own.
     */
    @Test
    void theReplyReachesThePlatformInTheWebhooksTrace() {
        Map<String, Object> delivered = given().contentType(ContentType.JSON)
                .body(Map.of("accountOpenId", "demo-account", "text", "这个怎么卖", "nickname", "小李"))
                .post(sim + "/sim/messages")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        String trace = (String) delivered.get("traceId");
        assertTrue(trace != null && trace.matches("[0-9a-f]{32}"), () -> "trace id: " + delivered);

        List<Map<String, Object>> sent = awaitSent((String) delivered.get("conversationId"), 1);

        assertEquals(trace, sent.get(0).get("traceId"), () -> "reply: " + sent);
    }

    /** 外链导流 in disguise (威❤信 for 微信, a phone number spaced out): blocked before douyin-sim sees it. */
    @Test
    void replyDivertingToWeChatInDisguiseNeverReachesThePlatform() {
        String account = createAccount("详情威❤信 abc123 联系，或打 1 3 8 - 0 0 1 3 - 8 0 0 0");
        String conversation = sendMessage(account, "有优惠吗", 1);

        Awaitility.await().atMost(WAIT).until(() -> count(account, "BLOCKED") == 1);

        assertTrue(sent(conversation).isEmpty());
        assertEquals(0, count(account, "SENT"));
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

    /** The operators' dashboard must only query meters that the running services really expose. */
    @Test
    void everyMetricTheDashboardQueriesIsExposedByARunningService() throws Exception {
        // meters with tags appear with their first event: make one reply of each kind happen
        sendMessage("demo-account", "看看指标", 1);
        sendMessage(createAccount("全网最便宜"), "看看指标", 1);
        Awaitility.await().atMost(WAIT).until(() -> {
            String all = scrapeAll();
            return all.contains("dmpilot_reply_latency_seconds_bucket")
                    && all.contains("dmpilot_compliance_blocks_total");
        });
        Set<String> exposed = new HashSet<>();
        for (String line : scrapeAll().split("\n")) {
            Matcher name = METRIC_LINE.matcher(line);
            if (name.find()) exposed.add(name.group(1));
        }
        String dashboard = Files.readString(
                Path.of("").toAbsolutePath().getParent().resolve("deploy/dashboards/dmpilot-overview.json"));
        Set<String> queried = new TreeSet<>();
        Matcher selector = SELECTOR.matcher(dashboard);
        while (selector.find()) queried.add(selector.group(1));
        assertFalse(queried.isEmpty());
        queried.removeAll(exposed);
        assertTrue(queried.isEmpty(), () -> "the dashboard queries meters nobody exposes: " + queried);
    }

    private static final Pattern METRIC_LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    // a metric selector in PromQL is a name followed by a label matcher or a range
    private static final Pattern SELECTOR = Pattern.compile("([a-z_][a-z0-9_]*)[{\\[]");

    private static String scrapeAll() {
        StringBuilder all = new StringBuilder();
        for (String module : List.of(
                "ingest-service", "rules-service", "compliance-service", "dispatch-service", "analytics-service")) {
            all.append(given().get(stack.service(module).url() + "/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
        return all.toString();
    }

    private static String createAccount(String fixedReply) {
        String openId = "it-" + UUID.randomUUID();
        asSuperadmin()
                .contentType(ContentType.JSON)
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
        Integer n = asSuperadmin()
                .get(analytics + "/analytics/accounts/{id}/outcomes", account)
                .then()
                .statusCode(200)
                .extract()
                .path("counts." + outcome);
        return n == null ? 0 : n;
    }
}
