package io.dmpilot.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmpilot.contracts.serde.EventJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic records of every topic, including the variants whose optional fields are null. */
final class SampleEvents {
    static final String CLIENT_KEY = "awx8d2c7f1e4b9a630";
    static final String ACCOUNT = "_000QadFMhmU1jNCI3JdPnyVDL6XavC70dFy";
    static final String USER = "_000hjPb3JqcnXwfbV0pIaxDhkbtxHSEfRS2";
    static final String CONVERSATION = "7418263746519023611";
    static final String MESSAGE_ID = "7418263746519023616";
    static final long RECEIVED_AT = 1_727_426_400_123L;

    /** One sample: the topic it is published on and a name for test reports. */
    record Sample(String name, String topic, Object event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Sample> all() {
        return List.of(
                new Sample("user message", Topics.INBOUND, userMessage()),
                new Sample("chat opened without text or nickname", Topics.INBOUND, chatOpened()),
                new Sample("keyword candidate", Topics.REPLY_CANDIDATES, candidate()),
                new Sample("no-match candidate of an unknown account", Topics.REPLY_CANDIDATES, noMatchCandidate()),
                new Sample("semantic candidate with a keyword fallback", Topics.REPLY_CANDIDATES, withFallback()),
                new Sample("CUSTOM message degraded to keywords", Topics.REPLY_CANDIDATES, degradedToKeywords()),
                new Sample("approved reply with its fallback", Topics.REPLY_VETTED, approvedWithFallback()),
                new Sample("rewritten reply", Topics.REPLY_VETTED, rewrittenReply()),
                new Sample("blocked reply", Topics.REPLY_VETTED, blockedReply()),
                new Sample("reply handed off by compliance", Topics.REPLY_VETTED, handedOffReply()),
                new Sample("no-match candidate passed through", Topics.REPLY_VETTED, passedNoMatch()),
                new Sample("sent outcome", Topics.DISPATCH_OUTCOMES, sentOutcome()),
                new Sample("hand-off at inbound screening", Topics.DISPATCH_OUTCOMES, screenedOutcome()),
                new Sample("hand-off", Topics.HANDOFFS, handoff()),
                new Sample("order", Topics.CONVERSIONS, order()),
                new Sample("anonymous link click", Topics.CONVERSIONS, linkClick()),
                new Sample("violation", Topics.VIOLATIONS, violation()),
                new Sample("hourly outcome snapshot", Topics.ANALYTICS_OUTCOMES, snapshot()),
                new Sample("rule upsert", Topics.CONFIG_CHANGES, ruleUpsert()),
                new Sample("agency lexicon term updated", Topics.AUDIT_CHANGES, termUpdated()),
                new Sample("global lexicon term created by the superadmin", Topics.AUDIT_CHANGES, globalTermCreated()),
                new Sample(
                        "lexicon delete",
                        Topics.CONFIG_CHANGES,
                        new ConfigChange(
                                "lexicon", "diversion-wechat", ConfigChange.Action.DELETE, 8, RECEIVED_AT + 5_000)));
    }

    static InboundEvent userMessage() {
        return new InboundEvent(
                "im_receive_msg:" + MESSAGE_ID,
                InboundKind.USER_MESSAGE,
                CLIENT_KEY,
                ACCOUNT,
                USER,
                "小鹿同学",
                CONVERSATION,
                MESSAGE_ID,
                "text",
                "这个多少钱",
                RECEIVED_AT - 180,
                RECEIVED_AT,
                Map.of(),
                "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    static InboundEvent chatOpened() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("item_id", "7417002345678901234");
        context.put("ad_info", "{\"ad_id\":\"1809123456789012\",\"creative_id\":\"1809123456789099\"}");
        return new InboundEvent(
                "im_enter_direct_msg:7418263746519023600",
                InboundKind.CHAT_OPENED,
                CLIENT_KEY,
                ACCOUNT,
                USER,
                null,
                CONVERSATION,
                "7418263746519023600",
                null,
                null,
                RECEIVED_AT - 60_000,
                RECEIVED_AT - 59_900,
                context,
                null);
    }

    static ReplyCandidate candidate() {
        return new ReplyCandidate(
                "cand:im_receive_msg:" + MESSAGE_ID,
                userMessage(),
                "agency-hz-017",
                Tier.ADVANCED,
                "rule-price-01",
                Scenario.PRODUCT_INQUIRY,
                "B",
                "小鹿同学您好！这款是全网最便宜的，限时199元，点击下单👉",
                List.of("多少钱", "价格"),
                1.0,
                1,
                RECEIVED_AT + 4,
                RECEIVED_AT + 90_000,
                null);
    }

    static ReplyCandidate degradedToKeywords() {
        return new ReplyCandidate(
                "cand:im_receive_msg:7418263746519023622",
                userMessage(),
                "agency-hz-017",
                Tier.ADVANCED,
                "rule:7",
                Scenario.PRODUCT_INQUIRY,
                null,
                "小鹿同学您好！价格请看商品页～",
                List.of("多少钱"),
                1.0,
                0,
                RECEIVED_AT + 6,
                RECEIVED_AT + 90_000,
                null,
                new FallbackReply(Tier.BASIC, "fixed:FALLBACK", Scenario.FALLBACK, "您好，稍后回复您"),
                false,
                "semantic-backlog");
    }

    static ReplyCandidate withFallback() {
        return new ReplyCandidate(
                "cand:im_receive_msg:7418263746519023621",
                userMessage(),
                "agency-hz-017",
                Tier.CUSTOM,
                "intent:12",
                Scenario.PRODUCT_INQUIRY,
                null,
                "小鹿同学您好！这款现在有优惠，喜欢可以直接下单～",
                List.of(),
                0.81,
                0,
                RECEIVED_AT + 15,
                RECEIVED_AT + 90_000,
                null,
                new FallbackReply(Tier.ADVANCED, "rule:7", Scenario.PRODUCT_INQUIRY, "小鹿同学您好！价格请看商品页～"),
                false);
    }

    static VettedReply approvedWithFallback() {
        return new VettedReply(withFallback(), Verdict.APPROVED, withFallback().text(), List.of(), RECEIVED_AT + 18)
                .withFallbackText("小鹿同学您好！价格请看商品页～");
    }

    static ReplyCandidate noMatchCandidate() {
        return new ReplyCandidate(
                "cand:im_receive_msg:7418263746519023620",
                userMessage(),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0.0,
                0,
                RECEIVED_AT + 3,
                RECEIVED_AT + 90_000,
                "unknown-account");
    }

    static Finding finding() {
        return new Finding(LexiconCategory.EXTREME_ADVERTISING, "最便宜", 12, 15);
    }

    static VettedReply rewrittenReply() {
        return new VettedReply(
                candidate(), Verdict.REWRITTEN, "小鹿同学您好！这款是全网***的，限时199元，点击下单👉", List.of(finding()), RECEIVED_AT + 7);
    }

    static VettedReply blockedReply() {
        return new VettedReply(candidate(), Verdict.BLOCKED, "", List.of(finding()), RECEIVED_AT + 7);
    }

    static VettedReply handedOffReply() {
        return new VettedReply(candidate(), Verdict.BLOCKED, "", List.of(), RECEIVED_AT + 7, HandoffReason.CRISIS);
    }

    static VettedReply passedNoMatch() {
        return new VettedReply(noMatchCandidate(), Verdict.APPROVED, null, List.of(), RECEIVED_AT + 6);
    }

    static DispatchOutcome sentOutcome() {
        return new DispatchOutcome(
                "out:im_receive_msg:" + MESSAGE_ID + ":SENT",
                "im_receive_msg:" + MESSAGE_ID,
                "cand:im_receive_msg:" + MESSAGE_ID,
                CONVERSATION,
                ACCOUNT,
                Tier.ADVANCED,
                Scenario.PRODUCT_INQUIRY,
                "rule-price-01",
                "B",
                Outcome.SENT,
                null,
                RECEIVED_AT,
                RECEIVED_AT + 4,
                RECEIVED_AT + 7,
                RECEIVED_AT + 1_412,
                RECEIVED_AT + 9);
    }

    static DispatchOutcome screenedOutcome() {
        return new DispatchOutcome(
                "out:im_receive_msg:7418263746519023630:HANDED_OFF",
                "im_receive_msg:7418263746519023630",
                null,
                CONVERSATION,
                ACCOUNT,
                null,
                null,
                null,
                null,
                Outcome.HANDED_OFF,
                "CRISIS",
                RECEIVED_AT,
                0,
                0,
                RECEIVED_AT + 9,
                0L);
    }

    static Handoff handoff() {
        return new Handoff(
                "handoff:" + CONVERSATION + ":1727426401535",
                CONVERSATION,
                ACCOUNT,
                USER,
                HandoffReason.AUTO_REPLY_CAP,
                "用户连续追问退款进度，已自动回复3次",
                "dispatch-service",
                RECEIVED_AT + 1_412);
    }

    static Conversion order() {
        return new Conversion(
                "order-20240927-000123",
                ConversionKind.ORDER_PLACED,
                ACCOUNT,
                CONVERSATION,
                USER,
                19_900,
                "CNY",
                RECEIVED_AT + 600_000);
    }

    static Conversion linkClick() {
        return new Conversion(
                "click-5f2c9a1e",
                ConversionKind.LINK_CLICKED,
                ACCOUNT,
                CONVERSATION,
                null,
                0,
                null,
                RECEIVED_AT + 30_000);
    }

    static Violation violation() {
        return new Violation(
                "viol:cand:im_receive_msg:" + MESSAGE_ID,
                ACCOUNT,
                CONVERSATION,
                "cand:im_receive_msg:" + MESSAGE_ID,
                "rule-price-01",
                Verdict.REWRITTEN,
                List.of(finding()),
                RECEIVED_AT + 7);
    }

    static OutcomeSnapshot snapshot() {
        long hour = RECEIVED_AT - RECEIVED_AT % 3_600_000;
        Map<String, Long> steps = new LinkedHashMap<>();
        steps.put("RECEIVED", 40L);
        steps.put("MATCHED", 36L);
        steps.put("VETTED", 34L);
        steps.put("SENT", 33L);
        steps.put("REPLIED", 12L);
        steps.put("CONVERTED", 3L);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("SENT", 33L);
        outcomes.put("HANDED_OFF", 2L);
        outcomes.put("BLOCKED", 2L);
        outcomes.put("NO_MATCH", 3L);
        outcomes.put("EXPIRED", 0L);
        outcomes.put("FAILED", 0L);
        return new OutcomeSnapshot(
                ACCOUNT + ":" + hour + ":" + (RECEIVED_AT + 60_000),
                ACCOUNT,
                hour,
                hour + 3_600_000,
                steps,
                outcomes,
                33,
                33,
                31,
                RECEIVED_AT + 60_000);
    }

    static ConfigChange ruleUpsert() {
        return new ConfigChange("rule", "rule-price-01", ConfigChange.Action.UPSERT, 42, RECEIVED_AT - 3_600_000);
    }

    static AuditRecord termUpdated() {
        ObjectNode before = EventJson.mapper().createObjectNode();
        before.put("id", 17).put("agencyId", "agency-hz-017").put("category", "EXTREME_ADVERTISING");
        before.put("term", "最便宜").putNull("substitute").putNull("qualification");
        ObjectNode after = before.deepCopy().put("substitute", "超值");
        return new AuditRecord(
                "6f1c2a8e-4d4b-4f0e-9d55-0b6f8f1f2a71",
                "agency-hz-017",
                "key:k7d2f9a1",
                "agency-hz-017",
                "compliance-service",
                "lexicon-term",
                "17",
                "update",
                before,
                after,
                RECEIVED_AT + 60_000);
    }

    static AuditRecord globalTermCreated() {
        ObjectNode after = EventJson.mapper().createObjectNode();
        after.put("id", 18).putNull("agencyId").put("category", "DIVERSION").put("term", "加微信");
        return new AuditRecord(
                "0b1e8a53-7c44-4a3a-a2e1-3f6d2c9e8b10",
                null,
                "key:bootstrap",
                null,
                "compliance-service",
                "lexicon-term",
                "18",
                "create",
                null,
                after,
                RECEIVED_AT + 61_000);
    }

    private SampleEvents() {}
}
