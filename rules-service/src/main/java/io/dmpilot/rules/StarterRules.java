package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.engine.DefaultIntents;
import io.dmpilot.rules.engine.MatchMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The two high-frequency scenarios of seed §2, given to every new ADVANCED or CUSTOM account so it answers
 * sensibly before an operator writes a rule: product inquiry (卖点 + 限时优惠 + 购买链接) and after-sales
 * (道歉 + 处理流程 + 客服入口). Operators edit or delete them like any other rule or template.
 */
final class StarterRules {
    static final List<String> PRODUCT_INQUIRY_KEYWORDS =
            List.of("价格", "多少钱", "购买", "怎么买", "在哪买", "怎么卖", "优惠", "折扣", "链接", "下单", "有货", "包邮", "报价");
    static final List<String> AFTER_SALES_KEYWORDS =
            List.of("退货", "退款", "换货", "售后", "退换", "质量问题", "坏了", "破损", "发错", "少发", "漏发", "投诉");

    static final String PRODUCT_INQUIRY_TEMPLATE = "{nickname}您好！这款是店里的人气款，用料扎实、做工细致，本周下单享限时优惠，点击主页橱窗即可购买～";
    static final String AFTER_SALES_TEMPLATE = "{nickname}非常抱歉给您带来不便！请在订单页点击“申请售后”，我们会在24小时内为您处理；如需人工客服，请回复“人工”。";

    static boolean appliesTo(Tier tier) {
        return tier == Tier.ADVANCED || tier == Tier.CUSTOM;
    }

    static List<ReplyTemplate> templates(String openId) {
        return List.of(
                template(openId, Scenario.PRODUCT_INQUIRY, PRODUCT_INQUIRY_TEMPLATE),
                template(openId, Scenario.AFTER_SALES, AFTER_SALES_TEMPLATE));
    }

    /** After-sales outranks product inquiry: 买了就坏了，要退款 is a complaint, not a sales lead. */
    static List<KeywordRule> rules(String openId) {
        List<KeywordRule> rules = new ArrayList<>();
        rules.add(rule(openId, 100, AFTER_SALES_KEYWORDS, Scenario.AFTER_SALES));
        rules.add(rule(openId, 50, PRODUCT_INQUIRY_KEYWORDS, Scenario.PRODUCT_INQUIRY));
        return rules;
    }

    /** CUSTOM accounts also get the two scenarios as semantic intents, answered with the same templates. */
    static List<SemanticIntent> intents(String openId, Tier tier) {
        if (tier != Tier.CUSTOM) return List.of();
        return List.of(
                intent(openId, Scenario.AFTER_SALES, DefaultIntents.AFTER_SALES),
                intent(openId, Scenario.PRODUCT_INQUIRY, DefaultIntents.PRODUCT_INQUIRY));
    }

    private static SemanticIntent intent(String openId, Scenario scenario, List<String> examples) {
        SemanticIntent intent = new SemanticIntent();
        intent.accountOpenId = openId;
        intent.scenario = scenario;
        intent.examples = examples;
        intent.enabled = true;
        return intent;
    }

    private static ReplyTemplate template(String openId, Scenario scenario, String text) {
        ReplyTemplate template = new ReplyTemplate();
        template.accountOpenId = openId;
        template.scenario = scenario;
        template.text = text;
        return template;
    }

    private static KeywordRule rule(String openId, int priority, List<String> keywords, Scenario scenario) {
        KeywordRule rule = new KeywordRule();
        rule.accountOpenId = openId;
        rule.priority = priority;
        rule.matchMode = MatchMode.ANY_OF;
        rule.keywords = keywords;
        rule.exclusions = List.of();
        rule.scenario = scenario;
        rule.enabled = true;
        return rule;
    }

    private StarterRules() {}
}
