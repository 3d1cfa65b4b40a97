package io.dmpilot.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.douyin.DouyinSignature;
import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.auth.ApiKey;
import io.dmpilot.testing.OperatorKeys;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class AccountRoutingTest {
    private static final String APP = "sim-app";
    private static final String SECRET = "sim-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AccountDirectory directory;

    @Inject
    MeterRegistry meters;

    private TopicProbe inbound;
    private TopicProbe deadLetters;

    @BeforeEach
    void openProbes() {
        await().atMost(WAIT).until(directory::loaded);
        inbound = TopicProbe.open(Topics.INBOUND);
        deadLetters = TopicProbe.open(Topics.deadLetter(Topics.INBOUND));
    }

    @AfterEach
    void closeProbes() {
        inbound.close();
        deadLetters.close();
    }

    @Test
    void accountsFromEveryPageOfTheStartupLoadAreKnownWithTheirAgency() {
        // 452 accounts in pages of 200: the first, a middle and the last (short) page
        for (String account : new String[] {"acct-1", "seeded-3", "seeded-99"}) {
            assertEquals(RulesStub.known(account), directory.find(account).orElse(null));
        }
        for (String account : new String[] {"demo-account", "seeded-99"}) {
            DouyinWebhook hook = messageTo(account);
            post(hook).statusCode(200).body("status", equalTo("accepted"));
            assertEquals(account, awaitInbound(hook).accountOpenId());
        }
    }

    /** The least key that reads every agency's accounts: never the superadmin's where a service key is set. */
    @Test
    void aMissAsksRulesServiceWithTheServiceKey() {
        String servicePrincipal =
                "key:" + ApiKey.parse(OperatorKeys.LOCAL_SERVICE).orElseThrow().prefix();
        RulesStub.READERS.clear();

        post(messageTo("nobody-" + UUID.randomUUID())).statusCode(200);

        await().atMost(WAIT).until(() -> !RulesStub.READERS.isEmpty());
        assertEquals(Set.of(servicePrincipal), RulesStub.READERS);
    }

    @Test
    void unknownAccountIsAcknowledgedCountedAndDeadLetteredNotPublished() {
        double before = unknownCount();
        DouyinWebhook hook = messageTo("nobody-" + UUID.randomUUID());

        post(hook).statusCode(200).body("status", equalTo("unknown_account"));

        ConsumerRecord<String, String> letter = awaitDeadLetter(hook);
        assertEquals(hook.conversationShortId(), letter.key());
        assertEquals("unknown account " + hook.to(), header(letter, "dead-letter-reason"));
        assertEquals(Topics.INBOUND, header(letter, "dead-letter-topic"));
        assertEquals(
                hook.to(), EventJson.read(letter.value(), InboundEvent.class).accountOpenId());
        assertEquals(before + 1, unknownCount());
        DouyinWebhook marker = messageTo("acct-1");
        post(marker).statusCode(200);
        awaitInbound(marker);
        assertTrue(
                inbound.records(InboundEvent.class, e -> hook.serverMessageId().equals(e.serverMessageId()))
                        .isEmpty());
    }

    @Test
    void accountCreatedAfterStartIsKnownFromItsChangeAnnouncementWithoutRestart() {
        String account = "late-" + UUID.randomUUID();
        post(messageTo(account)).statusCode(200).body("status", equalTo("unknown_account"));

        // the "no" above is cached for the whole test: only the change announcement can turn it around
        RulesStub.add(account, "agency-late");
        await().atMost(WAIT).until(() -> {
            announce(account, ConfigChange.Action.UPSERT);
            return "accepted".equals(post(messageTo(account)).extract().path("status"));
        });
        await().atMost(WAIT).until(() -> "agency-late".equals(agencyOf(account)));
    }

    @Test
    void accountCreatedAMomentAgoIsFetchedOnItsFirstMessage() {
        String account = "fresh-" + UUID.randomUUID();
        RulesStub.add(account, "agency-fresh");
        DouyinWebhook hook = messageTo(account);

        post(hook).statusCode(200).body("status", equalTo("accepted"));

        assertEquals(account, awaitInbound(hook).accountOpenId());
    }

    @Test
    void deletedAccountIsNoLongerPublished() {
        String account = "doomed-" + UUID.randomUUID();
        RulesStub.add(account, "agency-doomed");
        post(messageTo(account)).statusCode(200).body("status", equalTo("accepted"));

        RulesStub.remove(account);
        await().atMost(WAIT).until(() -> {
            announce(account, ConfigChange.Action.DELETE);
            return "unknown_account".equals(post(messageTo(account)).extract().path("status"));
        });
    }

    @Test
    void echoesAndHumanRepliesAreRoutedByTheSendingAccount() {
        String conversation = "conv-" + UUID.randomUUID();
        DouyinWebhook echo =
                DouyinWebhook.sendEcho(APP, "nobody-" + UUID.randomUUID(), "user-1", conversation, id(), "您好");

        post(echo).statusCode(200).body("status", equalTo("unknown_account"));
        awaitDeadLetter(echo);
    }

    private String agencyOf(String account) {
        return directory.find(account).map(a -> a.agencyId()).orElse(null);
    }

    private double unknownCount() {
        return meters.counter("dmpilot_webhooks_received_total", "event", "im_receive_msg", "result", "unknown_account")
                .count();
    }

    private static void announce(String account, ConfigChange.Action action) {
        long now = System.currentTimeMillis();
        ConfigChange change = new ConfigChange("account", account, action, now, now);
        TopicProbe.send(Topics.CONFIG_CHANGES, change.recordKey(), EventJson.write(change));
    }

    private InboundEvent awaitInbound(DouyinWebhook hook) {
        return inbound.awaitRecords(
                        InboundEvent.class, e -> hook.serverMessageId().equals(e.serverMessageId()), WAIT)
                .get(0);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(DouyinWebhook hook) {
        await().atMost(WAIT)
                .until(() -> deadLetters.rawRecords().stream()
                        .anyMatch(r -> r.value().contains(hook.serverMessageId())));
        return deadLetters.rawRecords().stream()
                .filter(r -> r.value().contains(hook.serverMessageId()))
                .findFirst()
                .orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static DouyinWebhook messageTo(String account) {
        return DouyinWebhook.userMessage(APP, account, "user-" + id(), "conv-" + id(), id(), "你好");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static io.restassured.response.ValidatableResponse post(DouyinWebhook hook) {
        byte[] body = hook.body(false);
        return given().contentType("application/json")
                .header("X-Douyin-Signature", DouyinSignature.sign(SECRET, body))
                .body(body)
                .post("/webhook/douyin")
                .then();
    }
}
