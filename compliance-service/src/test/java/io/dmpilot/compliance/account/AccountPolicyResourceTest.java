package io.dmpilot.compliance.account;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class AccountPolicyResourceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AccountPolicies policies;

    @Test
    void anAccountWithoutPolicyHoldsNothingAndHandsOffEverySignal() {
        asSuperadmin()
                .get("/compliance/accounts/acct-nobody/policy")
                .then()
                .statusCode(200)
                .body("qualifications", empty())
                .body("handoffReasons", containsInAnyOrder("CRISIS", "HARASSMENT", "COMPLAINT"));
    }

    @Test
    void aMedicalQualificationAllowsMedicalTermsOnlyOverRestAndKafka() {
        String account = "acct-clinic-" + UUID.randomUUID();
        check("此药降血压，理财保本", account).body("verdict", equalTo("BLOCKED"));

        put(account, Map.of("qualifications", List.of("Medical"))).statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> policies.of(account).holds("medical"));

        check("此药降 血 压，药到病除", account).body("verdict", equalTo("APPROVED")).body("findings", empty());
        check("此药降血压，理财保本", account)
                .body("verdict", equalTo("BLOCKED"))
                .body("findings.size()", equalTo(1))
                .body("findings[0].term", equalTo("保本"));
        asSuperadmin()
                .get("/compliance/accounts/" + account + "/policy")
                .then()
                .body("qualifications", containsInAnyOrder("medical"));
        try (TopicProbe vetted = TopicProbe.open(Topics.REPLY_VETTED)) {
            assertEquals(Verdict.APPROVED, vet(vetted, account, "本品疗效显著").verdict());
            assertEquals(Verdict.BLOCKED, vet(vetted, account, "年化收益8%").verdict());
            assertEquals(
                    Verdict.BLOCKED, vet(vetted, "acct-unqualified", "本品疗效显著").verdict());
        }
    }

    @Test
    void withdrawingAQualificationBlocksAgain() {
        String account = "acct-bank-" + UUID.randomUUID();
        put(account, Map.of("qualifications", List.of("finance"))).statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> policies.of(account).holds("finance"));
        check("稳赚不赔", account).body("verdict", equalTo("APPROVED"));

        put(account, Map.of("qualifications", List.of())).statusCode(200);

        Awaitility.await().atMost(WAIT).until(() -> !policies.of(account).holds("finance"));
        check("稳赚不赔", account).body("verdict", equalTo("BLOCKED"));
    }

    @Test
    void invalidPoliciesAreRefusedWithTheFieldAtFault() {
        put("acct-x", Map.of("qualifications", List.of("医疗"))).statusCode(400).body("field", equalTo("qualifications"));
        put("acct-x", Map.of("handoffReasons", List.of("OVER_QUOTA")))
                .statusCode(400)
                .body("field", equalTo("handoffReasons"));
        put("acct-x", Map.of("handoffReasons", List.of("NOPE"))).statusCode(400);
        put("acct-x", Map.of("crisisReply", "请".repeat(AccountPolicy.CRISIS_REPLY_MAX + 1)))
                .statusCode(400)
                .body("field", equalTo("crisisReply"));
    }

    @Test
    void aCrisisReplyIsStoredTrimmedAndABlankOneTurnsTheSwitchOff() {
        String account = "acct-care-" + UUID.randomUUID();
        put(account, Map.of("crisisReply", "  请拨打心理援助热线 400-161-9995  "))
                .statusCode(200)
                .body("crisisReply", equalTo("请拨打心理援助热线 400-161-9995"));
        Awaitility.await().atMost(WAIT).until(() -> policies.of(account).switchesOnCrisis());
        asSuperadmin()
                .get("/compliance/accounts/" + account + "/policy")
                .then()
                .body("crisisReply", equalTo("请拨打心理援助热线 400-161-9995"));

        put(account, Map.of("crisisReply", " ")).statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> !policies.of(account).switchesOnCrisis());
    }

    @Test
    void aRegulatedLexiconTermCarriesItsQualification() {
        asSuperadmin()
                .get("/lexicons/terms")
                .then()
                .statusCode(200)
                .body("find { it.term == '包治百病' }.qualification", equalTo("medical"))
                .body("find { it.term == '稳赚不赔' }.qualification", equalTo("finance"));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("category", "HARASSMENT", "term", "坏东西", "qualification", "medical"))
                .post("/lexicons/terms")
                .then()
                .statusCode(400)
                .body("field", equalTo("qualification"));
    }

    private static ValidatableResponse put(String account, Map<String, Object> body) {
        return asSuperadmin()
                .contentType("application/json")
                .body(body)
                .put("/compliance/accounts/" + account + "/policy")
                .then();
    }

    private static ValidatableResponse check(String text, String account) {
        return asSuperadmin()
                .contentType("application/json")
                .body(Map.of("text", text, "accountOpenId", account))
                .post("/compliance/check")
                .then()
                .statusCode(200);
    }

    private static VettedReply vet(TopicProbe vetted, String account, String text) {
        ReplyCandidate candidate = SampleEvents.candidate(SampleEvents.userMessage(account, "问一下"), Tier.BASIC, text);
        TopicProbe.send(Topics.REPLY_CANDIDATES, candidate.inbound().conversationId(), EventJson.write(candidate));
        return vetted.awaitRecords(
                        VettedReply.class, v -> v.candidate().candidateId().equals(candidate.candidateId()), WAIT)
                .get(0);
    }
}
