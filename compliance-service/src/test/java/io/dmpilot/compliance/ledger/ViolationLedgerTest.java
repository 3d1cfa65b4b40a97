package io.dmpilot.compliance.ledger;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class ViolationLedgerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void blockedRepliesClimbThePenaltyLadderAndARedeliveryCountsOnce() {
        String account = "acct-ledger-" + UUID.randomUUID();
        ReplyCandidate first = candidate(account, "rule-a", "加我微信 abc12345");
        try (TopicProbe vetted = TopicProbe.open(Topics.REPLY_VETTED)) {
            send(first);
            send(first);
            send(candidate(account, "rule-b", "你个傻逼"));
            // both deliveries of the first candidate went through the ledger before their verdicts (at least: a
            // compliance-service of another build on the shared local broker may vet them too)
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> vetted.records(
                                            VettedReply.class,
                                            v -> first.candidateId()
                                                    .equals(v.candidate().candidateId()))
                                    .size()
                            >= 2);
        }

        Awaitility.await()
                .atMost(WAIT)
                .until(() -> asSuperadmin()
                        .get("/compliance/accounts/" + account + "/risk")
                        .then()
                        .extract()
                        .path("offences.size()")
                        .equals(2));
        asSuperadmin()
                .get("/compliance/accounts/" + account + "/risk")
                .then()
                .statusCode(200)
                .body("risk", equalTo("MEDIUM"))
                .body("offences.find { it.category == 'DIVERSION' }.count", equalTo(1))
                .body("offences.find { it.category == 'DIVERSION' }.penalty", equalTo("FEATURE_OFF_7_DAYS"))
                .body("offences.find { it.category == 'DIVERSION' }.nextPenalty", equalTo("FEATURE_OFF_30_DAYS"))
                .body("offences.find { it.category == 'HARASSMENT' }.penalty", equalTo("LIMIT"));

        send(candidate(account, "rule-b", "滚蛋"));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> "CRITICAL"
                        .equals(asSuperadmin()
                                .get("/compliance/accounts/" + account + "/risk")
                                .then()
                                .extract()
                                .path("risk")));
    }

    @Test
    void aRuleBlockedThreeTimesIsDisabledAndAnnounced() {
        String account = "acct-disable-" + UUID.randomUUID();
        try (TopicProbe changes = TopicProbe.open(Topics.CONFIG_CHANGES)) {
            for (int i = 0; i < 3; i++) send(candidate(account, "rule-hot", "全网最便宜"));
            send(candidate(account, "rule-cold", "全网最便宜"));

            changes.awaitRecords(ConfigChange.class, c -> (account + "/rule-hot").equals(c.key()), WAIT);
            asSuperadmin()
                    .get("/compliance/accounts/" + account + "/risk")
                    .then()
                    .body("disabledRules.size()", equalTo(1))
                    .body("disabledRules[0].ruleId", equalTo("rule-hot"))
                    .body("disabledRules[0].blocks", equalTo(3))
                    .body("disabledRules[0].reason", startsWith("template blocked 3 times"));
        }
    }

    @Test
    void anAccountWithoutViolationsHasNoRisk() {
        asSuperadmin()
                .get("/compliance/accounts/nobody/risk")
                .then()
                .statusCode(200)
                .body("risk", equalTo("NONE"))
                .body("offences.size()", equalTo(0));
    }

    private static ReplyCandidate candidate(String account, String ruleId, String text) {
        return SampleEvents.candidate(SampleEvents.userMessage(account, "问一下"), Tier.BASIC, ruleId, text, null, null);
    }

    private static void send(ReplyCandidate candidate) {
        TopicProbe.send(Topics.REPLY_CANDIDATES, candidate.inbound().conversationId(), EventJson.write(candidate));
    }
}
