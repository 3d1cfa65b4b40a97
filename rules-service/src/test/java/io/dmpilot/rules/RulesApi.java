package io.dmpilot.rules;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TopicProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What the service tests do over REST and Kafka, in one place. */
final class RulesApi {
    static final Duration WAIT = Duration.ofSeconds(30);

    static String createAccount(Tier tier, String fixedReply) {
        String openId = "acct-" + UUID.randomUUID();
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of(
                        "openId", openId,
                        "agencyId", "demo-agency",
                        "name", "测试店铺",
                        "tier", tier,
                        "fixedReply", fixedReply))
                .post("/accounts")
                .then()
                .statusCode(201);
        return openId;
    }

    static long createRule(String account, Map<String, Object> rule) {
        return asSuperadmin()
                .contentType("application/json")
                .body(rule)
                .post("/accounts/{id}/rules", account)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /**
     * The candidate this service made for the event. Other rules-service processes on the shared broker (a
     * packaged stack in another consumer group) answer the same event with "unknown-account": the test's
     * accounts exist only in this service's database, so their candidates carry no agency and are skipped.
     */
    static ReplyCandidate awaitCandidate(TopicProbe candidates, InboundEvent inbound) {
        TopicProbe.send(Topics.INBOUND, inbound.conversationId(), EventJson.write(inbound));
        return candidates
                .awaitRecords(
                        ReplyCandidate.class,
                        c -> c.inbound().eventId().equals(inbound.eventId()) && c.agencyId() != null,
                        WAIT)
                .get(0);
    }

    private static volatile boolean consuming;

    /**
     * The service reads from the topic's end: wait until its consumer has partitions, by sending a message to
     * a fresh account until this service answers it, once per test JVM.
     */
    static void awaitConsuming(TopicProbe candidates) {
        if (consuming) return;
        awaitAnswering(candidates);
        consuming = true;
    }

    /** As {@link #awaitConsuming}, every time: for a suite whose profile restarts the service. */
    static void awaitAnswering(TopicProbe candidates) {
        String account = createAccount(Tier.BASIC, "ready");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    InboundEvent ping = io.dmpilot.testing.SampleEvents.userMessage(account, "ping");
                    TopicProbe.send(Topics.INBOUND, ping.conversationId(), EventJson.write(ping));
                    return !candidates
                            .records(
                                    ReplyCandidate.class,
                                    c -> account.equals(c.inbound().accountOpenId()) && c.agencyId() != null)
                            .isEmpty();
                });
    }

    private RulesApi() {}
}
