package io.dmpilot.rules;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = TestServices.class,
        initArgs = @ResourceArg(name = "services", value = "kafka,redis,postgres"))
class InboundConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** InboundConsumer's "conversation <id>: <rule or reason>", logged after the planning's Redis round trips. */
    private static final Pattern CONVERSATION_LINE = Pattern.compile("conversation (\\S+):");

    private TopicProbe candidates;

    @Inject
    DataSource database;

    @ConfigProperty(name = "quarkus.flyway.default-schema")
    String schema;

    @BeforeEach
    void openProbe() {
        candidates = TopicProbe.open(Topics.REPLY_CANDIDATES);
        RulesApi.awaitConsuming(candidates);
    }

    @AfterEach
    void closeProbe() {
        candidates.close();
    }

    @Test
    void basicAccountAnswersWithItsFixedTemplateRendered() {
        String account = createAccount(Tier.BASIC, "{nickname}您好，欢迎光临");
        InboundEvent inbound = userMessage(account, "这个多少钱");

        ReplyCandidate candidate = awaitCandidate(inbound);

        assertTrue(candidate.matched());
        assertEquals("小王您好，欢迎光临", candidate.text());
        assertEquals(Tier.BASIC, candidate.tier());
        assertEquals(Scenario.FALLBACK, candidate.scenario());
        assertEquals("demo-agency", candidate.agencyId());
        assertEquals(inbound.receivedAt() + 90_000, candidate.deadline());
    }

    @Test
    void unknownAccountGivesAnExplicitNoMatch() {
        InboundEvent inbound = userMessage("nobody-" + UUID.randomUUID(), "在吗");

        ReplyCandidate candidate = awaitCandidate(inbound);

        assertFalse(candidate.matched());
        assertEquals("unknown-account", candidate.noMatchReason());
        assertNull(candidate.text());
    }

    @Test
    void templateEditOverRestTakesEffectWithoutRestart() {
        String account = createAccount(Tier.BASIC, "旧的回复");
        awaitCandidate(userMessage(account, "第一条"));

        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("text", "新的回复"))
                .put("/accounts/{id}/templates/FALLBACK", account)
                .then()
                .statusCode(200)
                .body("templates.FALLBACK", equalTo("新的回复"));

        assertEquals("新的回复", awaitCandidate(userMessage(account, "第二条")).text());
    }

    /**
     * Another replica changed the account: this one only hears of it on config.changes.v1. The row is changed
     * behind this replica's back, so the cached rules answer until the change record arrives.
     */
    @Test
    void anotherReplicasChangeReachesThisReplicaThroughTheConfigTopic() throws Exception {
        String account = createAccount(Tier.BASIC, "缓存里的回复");
        assertEquals("缓存里的回复", awaitCandidate(userMessage(account, "第一条")).text());
        try (Connection db = database.getConnection();
                PreparedStatement update = db.prepareStatement("UPDATE " + schema
                        + ".reply_template SET text = ? WHERE account_open_id = ? AND scenario = 'FALLBACK'")) {
            update.setString(1, "别的副本改过的回复");
            update.setString(2, account);
            assertEquals(1, update.executeUpdate());
        }
        assertEquals("缓存里的回复", awaitCandidate(userMessage(account, "第二条")).text());

        ConfigChange change = new ConfigChange("account-rules", account, ConfigChange.Action.UPSERT, 1, 1);
        TopicProbe.send(Topics.CONFIG_CHANGES, change.recordKey(), EventJson.write(change));

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "别的副本改过的回复"
                        .equals(awaitCandidate(userMessage(account, "再一条")).text()));
    }

    @Test
    void crisisTemplateReplacesTheFixedReplyAtOnce() {
        String account = createAccount(Tier.BASIC, "平时的回复");
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("text", "非常抱歉，我们正在紧急处理"))
                .put("/accounts/{id}/templates/CRISIS", account)
                .then()
                .statusCode(200);
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("enabled", true))
                .put("/accounts/{id}/crisis", account)
                .then()
                .statusCode(200)
                .body("crisisMode", equalTo(true));

        ReplyCandidate candidate = awaitCandidate(userMessage(account, "你们怎么回事"));

        assertEquals(Scenario.CRISIS, candidate.scenario());
        assertEquals("非常抱歉，我们正在紧急处理", candidate.text());
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndConsumingContinues() {
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.INBOUND))) {
            TopicProbe.send(Topics.INBOUND, "bad-key", "{this is not an event");

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream().anyMatch(r -> "{this is not an event".equals(r.value())));
        }
        String account = createAccount(Tier.BASIC, "仍然在工作");
        assertEquals("仍然在工作", awaitCandidate(userMessage(account, "还在吗")).text());
    }

    /**
     * A poll's conversations are planned at once (RecordBatches), each awaiting Redis between its steps. Each
     * record must keep its own log context and trace while the others run beside it: every line logged about a
     * conversation names that conversation, and the candidate continues the W3C trace its own message came with.
     */
    @Test
    void conversationsPlannedAtOnceEachKeepTheirOwnLogContextAndTrace() {
        String account = createAccount(Tier.BASIC, "一起到的消息");
        Map<String, String> traceOfEvent = new HashMap<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            InboundEvent inbound = userMessage(account, "第" + i + "条");
            String trace = UUID.randomUUID().toString().replace("-", "");
            traceOfEvent.put(inbound.eventId(), trace);
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(Topics.INBOUND, inbound.conversationId(), EventJson.write(inbound));
            record.headers().add("traceparent", ("00-" + trace + "-00f067aa0ba902b7-01").getBytes(UTF_8));
            burst.add(record);
        }
        Map<String, String> loggedUnder = new ConcurrentHashMap<>();
        Logger consumerLog = Logger.getLogger(InboundConsumer.class.getName());
        Level levelBefore = consumerLog.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Matcher about = CONVERSATION_LINE.matcher(((ExtLogRecord) record).getFormattedMessage());
                if (about.find()) {
                    loggedUnder.put(about.group(1), String.valueOf(((ExtLogRecord) record).getMdc("conversationId")));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        consumerLog.setLevel(Level.FINE);
        consumerLog.addHandler(capture);
        try {
            TopicProbe.send(burst);

            Map<String, String> traceOfCandidate = new HashMap<>();
            Awaitility.await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : candidates.rawRecords()) {
                    ReplyCandidate candidate = EventJson.read(record.value(), ReplyCandidate.class);
                    Header traceparent = record.headers().lastHeader("traceparent");
                    if (traceOfEvent.containsKey(candidate.inbound().eventId()) && traceparent != null) {
                        traceOfCandidate.put(
                                candidate.inbound().eventId(), new String(traceparent.value(), UTF_8).split("-")[1]);
                    }
                }
                return traceOfCandidate.size() == traceOfEvent.size();
            });
            assertEquals(traceOfEvent, traceOfCandidate);
            Map<String, String> ownLines = new HashMap<>();
            burst.forEach(record -> ownLines.put(record.key(), record.key()));
            Awaitility.await().atMost(WAIT).until(() -> loggedUnder.keySet().containsAll(ownLines.keySet()));
            Map<String, String> burstLines = new HashMap<>(loggedUnder);
            burstLines.keySet().retainAll(ownLines.keySet());
            assertEquals(ownLines, burstLines, "each line logged under its own conversation");
        } finally {
            consumerLog.removeHandler(capture);
            consumerLog.setLevel(levelBefore);
        }
    }

    @Test
    void invalidAccountsAreRejectedWithTheFieldNamed() {
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("openId", "x", "agencyId", "a", "name", "n", "fixedReply", "hi"))
                .post("/accounts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("tier"));
        asSuperadmin()
                .contentType("application/json")
                .body("{\"openId\": ")
                .post("/accounts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        asSuperadmin()
                .get("/accounts/{id}", "missing-" + UUID.randomUUID())
                .then()
                .statusCode(404);
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("text", "x"))
                .put("/accounts/{id}/templates/NOPE", "demo-account")
                .then()
                .statusCode(400)
                .body("field", equalTo("scenario"));
    }

    private String createAccount(Tier tier, String fixedReply) {
        String openId = "acct-" + UUID.randomUUID();
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of(
                        "openId",
                        openId,
                        "agencyId",
                        "demo-agency",
                        "name",
                        "测试店铺",
                        "tier",
                        tier,
                        "fixedReply",
                        fixedReply))
                .post("/accounts")
                .then()
                .statusCode(201);
        return openId;
    }

    private ReplyCandidate awaitCandidate(InboundEvent inbound) {
        TopicProbe.send(Topics.INBOUND, inbound.conversationId(), EventJson.write(inbound));
        return candidates
                .awaitRecords(
                        ReplyCandidate.class,
                        // another process's "unknown-account" answer to an account of this test is not ours
                        c -> c.inbound().eventId().equals(inbound.eventId())
                                && (c.agencyId() != null
                                        || inbound.accountOpenId().startsWith("nobody-")),
                        WAIT)
                .get(0);
    }

    private static InboundEvent userMessage(String account, String text) {
        return SampleEvents.userMessage(account, text);
    }
}
