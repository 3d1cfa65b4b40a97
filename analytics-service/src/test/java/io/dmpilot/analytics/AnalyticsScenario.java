package io.dmpilot.analytics;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Three conversations of one account at a fixed past hour, every record delivered twice, then a sentinel
 * account on every topic under the same Kafka key: once the sentinel is counted, everything before it
 * (duplicates included) has been consumed, and the figures can be asserted exactly.
 */
final class AnalyticsScenario {
    /** 10:00 in Shanghai, so the day of every message is 2026-11-20 there. */
    static final Instant HOUR = Instant.parse("2026-11-20T02:00:00Z");

    static final String FROM = "2026-11-20T02:00:00Z";
    static final String TO = "2026-11-20T03:00:00Z";
    static final String DAY = "2026-11-20";
    private static final Duration WAIT = Duration.ofSeconds(90);

    final String account = "acct-" + UUID.randomUUID();

    /** Writes the scenario and waits until all of it, redeliveries included, has been consumed. */
    AnalyticsScenario run() {
        long t = HOUR.toEpochMilli();
        EventScript script = conversations(account);
        String c1 = "c1-" + account;

        String sentinel = "sentinel-" + account;
        EventScript end = new EventScript(sentinel, account);
        InboundEvent last = end.message("s-" + account, "收到", t);
        ReplyCandidate lastReply = end.candidate(last, Tier.BASIC, Scenario.FALLBACK, "r9", "", List.of());
        end.vetted(lastReply, Verdict.APPROVED);
        end.outcome(last, lastReply, Outcome.NO_MATCH, 10);
        script.sendTwice();
        end.sendTwice();
        awaitSentinel(sentinel, 0);

        // the order arrives after the replies went out (topics are consumed independently, so only then is it
        // certain which reply it is credited to)
        EventScript orders = new EventScript(account);
        orders.conversion(c1, t + 600_000);
        EventScript endOrders = new EventScript(sentinel, account);
        endOrders.conversion("s-" + account, t);
        orders.sendTwice();
        endOrders.sendTwice();
        awaitSentinel(sentinel, 1);
        // the sentinel's order may sit on another partition and be recorded in an earlier batch than c1's
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> asSuperadmin()
                        .get("/analytics/accounts/{id}/funnel?from={f}&to={t}", account, FROM, TO)
                        .then()
                        .statusCode(200)
                        .body("steps.find { it.step == 'CONVERTED' }.count", equalTo(1)));
        return this;
    }

    /** The scenario's three conversations, every event once; the caller sends or records them. */
    static EventScript conversations(String account) {
        long t = HOUR.toEpochMilli();
        EventScript script = new EventScript(account);
        String c1 = "c1-" + account, c2 = "c2-" + account, c3 = "c3-" + account;

        // c1: price question answered in 1.4 s (BASIC, inside its 2 s SLO), user asks about a refund, answered in
        //     4 s (ADVANCED, over its 3 s SLO), then orders: inquiry → after-sales, replied once, converted
        InboundEvent price = script.message(c1, "这个多少钱，有优惠吗", t + 1_000);
        ReplyCandidate priceReply =
                script.candidate(price, Tier.BASIC, Scenario.PRODUCT_INQUIRY, "r1", "A", List.of("多少钱", "优惠"));
        script.vetted(priceReply, Verdict.APPROVED);
        script.outcome(price, priceReply, Outcome.SENT, 1_400);
        InboundEvent refund = script.message(c1, "怎么退款", t + 60_000);
        ReplyCandidate refundReply =
                script.candidate(refund, Tier.ADVANCED, Scenario.AFTER_SALES, "r2", "A", List.of("退款"));
        script.vetted(refundReply, Verdict.REWRITTEN);
        script.outcome(refund, refundReply, Outcome.SENT, 4_000);

        // c2: a welcome reply blocked by compliance, then a product reply sent after 120 s (CUSTOM, over 90 s)
        InboundEvent hello = script.message(c2, "你好，我想退货", t + 2_000);
        ReplyCandidate welcome = script.candidate(hello, Tier.CUSTOM, Scenario.WELCOME, "r3", "B", List.of());
        script.vetted(welcome, Verdict.BLOCKED);
        script.outcome(hello, welcome, Outcome.BLOCKED, 800);
        InboundEvent returns = script.message(c2, "退货", t + 3_000);
        ReplyCandidate returnsReply =
                script.candidate(returns, Tier.CUSTOM, Scenario.PRODUCT_INQUIRY, "r1", "B", List.of("退货"));
        script.vetted(returnsReply, Verdict.APPROVED);
        script.outcome(returns, returnsReply, Outcome.SENT, 120_000);

        // c3: nothing matched
        InboundEvent idle = script.message(c3, "在吗", t + 4_000);
        script.noMatch(idle);
        script.outcome(idle, null, Outcome.NO_MATCH, 300);
        return script;
    }

    private static void awaitSentinel(String sentinel, int converted) {
        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> asSuperadmin()
                        .get("/analytics/accounts/{id}/funnel?from={f}&to={t}", sentinel, FROM, TO)
                        .then()
                        .statusCode(200)
                        .body("steps.find { it.step == 'RECEIVED' }.count", equalTo(1))
                        .body("steps.find { it.step == 'MATCHED' }.count", equalTo(1))
                        .body("steps.find { it.step == 'VETTED' }.count", equalTo(1))
                        .body("steps.find { it.step == 'CONVERTED' }.count", equalTo(converted))
                        .body("outcomes.find { it.outcome == 'NO_MATCH' }.count", equalTo(1)));
    }
}
