package io.dmpilot.compliance;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.account.PolicySetup;
import io.dmpilot.contracts.FallbackReply;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.LexiconCategory;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.Violation;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class CandidateConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AccountPolicies policies;

    private TopicProbe vetted;
    private TopicProbe violations;

    @BeforeEach
    void openProbes() {
        vetted = TopicProbe.open(Topics.REPLY_VETTED);
        violations = TopicProbe.open(Topics.VIOLATIONS);
    }

    @AfterEach
    void closeProbes() {
        vetted.close();
        violations.close();
    }

    @Test
    void cleanReplyIsApprovedUnchanged() {
        ReplyCandidate candidate = candidate("您好，这款今天有优惠");

        VettedReply reply = awaitVetted(candidate);

        assertEquals(Verdict.APPROVED, reply.verdict());
        assertEquals("您好，这款今天有优惠", reply.text());
        assertTrue(reply.findings().isEmpty());
        assertNull(reply.handoff());
    }

    /** The cheaper tier's reply rides along for dispatch's over-quota fallback: vetted by the same rules. */
    @Test
    void aCleanFallbackIsVettedBesideTheReply() {
        ReplyCandidate candidate = withFallback(candidate("您好，这款今天有优惠"), "您好，价格请看商品页");

        VettedReply reply = awaitVetted(candidate, v -> v.fallbackText() != null);

        assertEquals(Verdict.APPROVED, reply.verdict());
        assertEquals("您好，价格请看商品页", reply.fallbackText());
        assertTrue(reply.hasFallback());
    }

    @Test
    void aFallbackThatWouldBeBlockedIsDroppedAndTheReplyStands() {
        ReplyCandidate candidate = withFallback(candidate("您好，这款今天有优惠"), "全网最便宜，加微信领券");

        VettedReply reply = awaitVetted(candidate);

        assertEquals(Verdict.APPROVED, reply.verdict());
        assertNull(reply.fallbackText());
        assertFalse(reply.hasFallback());
    }

    /** The reply races the hand-off on another topic: compliance holds it back itself, so it can never go out. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"我真的 不 想 活 了 | CRISIS", "再不退款我弄死你 | HARASSMENT", "我要去12315投诉 | COMPLAINT"})
    void theReplyToAMessageThatGoesToAPersonIsHeldWithTheReasonAndNoViolation(String message, HandoffReason reason) {
        ReplyCandidate candidate =
                SampleEvents.candidate(SampleEvents.userMessage("acct-c", message), Tier.BASIC, "您好，这款今天有优惠");

        VettedReply reply = awaitHandedOff(candidate);

        assertEquals(Verdict.BLOCKED, reply.verdict());
        assertEquals(reason, reply.handoff());
        assertEquals("", reply.text());
        assertTrue(reply.findings().isEmpty());
        // the violation would have been written before the verdict
        assertTrue(violations
                .records(Violation.class, v -> candidate.candidateId().equals(v.candidateId()))
                .isEmpty());
    }

    @Test
    void aComplaintIsAnsweredWhenTheAccountPolicyKeepsComplaints() {
        String account = PolicySetup.accountHandingOffOnly(policies, "CRISIS");

        VettedReply complaint =
                awaitVetted(SampleEvents.candidate(SampleEvents.userMessage(account, "我要投诉"), Tier.BASIC, "抱歉，马上为您处理"));
        VettedReply crisis =
                awaitVetted(SampleEvents.candidate(SampleEvents.userMessage(account, "我不想活了"), Tier.BASIC, "您好"));

        assertEquals(Verdict.APPROVED, complaint.verdict());
        assertNull(complaint.handoff());
        assertEquals(HandoffReason.CRISIS, crisis.handoff());
    }

    /**
     * Under a policy with a crisis reply, a crisis signal is answered, not handed off: the message (which no rule
     * matched) and every later one in that conversation get the crisis reply as a CRISIS-scenario BASIC reply;
     * the account's other conversations are answered as usual.
     */
    @Test
    void aCrisisSwitchesTheConversationToTheCrisisReplyUnderAPolicyThatSaysSo() {
        String help = "我们很关心你。请拨打心理援助热线 400-161-9995，我们也会请同事尽快联系你。";
        String account = PolicySetup.accountWithCrisisReply(policies, help);
        InboundEvent crisis = SampleEvents.userMessage(account, "我真的不想活了");

        VettedReply first = awaitVetted(SampleEvents.noMatch(crisis, "no-rule-matched"));
        VettedReply next =
                awaitVetted(SampleEvents.candidate(SampleEvents.nextMessage(crisis, "多少钱"), Tier.CUSTOM, "这款今天有优惠"));
        VettedReply elsewhere =
                awaitVetted(SampleEvents.candidate(SampleEvents.userMessage(account, "多少钱"), Tier.CUSTOM, "这款今天有优惠"));

        for (VettedReply reply : List.of(first, next)) {
            assertEquals(Verdict.APPROVED, reply.verdict());
            assertNull(reply.handoff());
            assertEquals(help, reply.text());
            assertTrue(reply.candidate().matched());
            assertEquals(Scenario.CRISIS, reply.candidate().scenario());
            assertEquals(Tier.BASIC, reply.candidate().tier());
            assertEquals(ReplyVetter.CRISIS_RULE, reply.candidate().ruleId());
        }
        assertEquals("这款今天有优惠", elsewhere.text());
        assertEquals(Tier.CUSTOM, elsewhere.candidate().tier());
    }

    @Test
    void noMatchForAMessageInCrisisStaysNoMatch() {
        ReplyCandidate candidate = SampleEvents.noMatch(SampleEvents.userMessage("acct-c", "我想自杀"), "no-rule-matched");

        VettedReply reply = awaitVetted(candidate);

        assertEquals(Verdict.APPROVED, reply.verdict());
        assertNull(reply.handoff());
        assertEquals("no-rule-matched", reply.candidate().noMatchReason());
    }

    @Test
    void extremeAdvertisingIsBlockedAndRecordedAsViolation() {
        ReplyCandidate candidate = candidate("全网最便宜，快来买");

        VettedReply reply = awaitVetted(candidate);

        assertEquals(Verdict.BLOCKED, reply.verdict());
        assertEquals("", reply.text());
        assertEquals(
                LexiconCategory.EXTREME_ADVERTISING, reply.findings().get(0).category());
        Violation violation = violations
                .awaitRecords(Violation.class, v -> candidate.candidateId().equals(v.candidateId()), WAIT)
                .get(0);
        assertEquals(candidate.inbound().accountOpenId(), violation.accountOpenId());
        assertEquals("最便宜", violation.findings().get(0).term());
    }

    /** 外链导流 costs an account its messages for 7 days: no disguise gets a diversion through. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "加 微 信 领优惠",
                "详情①③⑧⓪⓪①③⑧⓪⓪⓪联系",
                "打 1 3 8 - 0 0 1 3 - 8 0 0 0",
                "详情威❤信 abc123联系",
                "扣扣 123456789 私聊",
                "去 abc。com 下单",
            })
    void diversionInDisguiseIsBlockedAndRecordedAsViolation(String text) {
        ReplyCandidate candidate = candidate(text);

        VettedReply reply = awaitVetted(candidate);

        assertEquals(Verdict.BLOCKED, reply.verdict(), () -> "findings: " + reply.findings());
        assertEquals("", reply.text());
        Violation violation = violations
                .awaitRecords(Violation.class, v -> candidate.candidateId().equals(v.candidateId()), WAIT)
                .get(0);
        assertTrue(violation.findings().stream().anyMatch(f -> f.category() == LexiconCategory.DIVERSION));
    }

    @Test
    void noMatchPassesThroughForItsOutcome() {
        ReplyCandidate candidate = SampleEvents.noMatch(SampleEvents.userMessage("acct", "在吗"), "no-rule-matched");

        VettedReply reply = awaitVetted(candidate);

        assertEquals(Verdict.APPROVED, reply.verdict());
        assertEquals("no-rule-matched", reply.candidate().noMatchReason());
    }

    @Test
    void malformedCandidateGoesToTheDeadLetterTopic() {
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.REPLY_CANDIDATES))) {
            TopicProbe.send(Topics.REPLY_CANDIDATES, "k", "[1,2,3]");

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream().anyMatch(r -> "[1,2,3]".equals(r.value())));
        }
        assertEquals(Verdict.APPROVED, awaitVetted(candidate("还在处理")).verdict());
    }

    @Test
    void operatorsCanCheckATemplateOverRest() {
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("text", "加 微 信 领优惠"))
                .post("/compliance/check")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("BLOCKED"))
                .body("findings[0].category", equalTo("DIVERSION"))
                .body("findings[0].start", equalTo(0));
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of())
                .post("/compliance/check")
                .then()
                .statusCode(400)
                .body("field", equalTo("text"));
    }

    private static ReplyCandidate withFallback(ReplyCandidate c, String fallbackText) {
        FallbackReply fallback = new FallbackReply(Tier.BASIC, "fixed:FALLBACK", c.scenario(), fallbackText);
        return SampleEvents.candidate(c.inbound(), Tier.ADVANCED, "rule:1", c.text(), fallback, null);
    }

    private static ReplyCandidate candidate(String text) {
        return SampleEvents.candidate(SampleEvents.userMessage("acct-c", "问一下"), Tier.BASIC, text);
    }

    private VettedReply awaitVetted(ReplyCandidate candidate) {
        return awaitVetted(candidate, v -> true);
    }

    /**
     * The verdict that matches: a compliance-service of an older build running on the same broker (the local
     * stack) may vet the candidate too, without the hand-off.
     */
    private VettedReply awaitVetted(ReplyCandidate candidate, Predicate<VettedReply> match) {
        TopicProbe.send(Topics.REPLY_CANDIDATES, candidate.inbound().conversationId(), EventJson.write(candidate));
        return vetted.awaitRecords(
                        VettedReply.class,
                        v -> v.candidate().candidateId().equals(candidate.candidateId()) && match.test(v),
                        WAIT)
                .get(0);
    }

    private VettedReply awaitHandedOff(ReplyCandidate candidate) {
        return awaitVetted(candidate, VettedReply::handedOff);
    }
}
