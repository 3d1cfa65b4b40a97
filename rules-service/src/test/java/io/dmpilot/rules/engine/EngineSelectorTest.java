package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineSelectorTest {
    private static final Map<Scenario, String> TEMPLATES = Map.of(
            Scenario.FALLBACK, "固定回复",
            Scenario.CRISIS, "危机回复",
            Scenario.PRODUCT_INQUIRY, "商品咨询回复",
            Scenario.AFTER_SALES, "售后回复",
            Scenario.WELCOME, "欢迎关注");
    private static final KeywordBook BOOK = KeywordBook.of(List.of(
            new KeywordRuleSpec(
                    "1", 10, MatchMode.ANY_OF, List.of("价格", "多少钱"), List.of(), Scenario.PRODUCT_INQUIRY, null),
            new KeywordRuleSpec("2", 20, MatchMode.ANY_OF, List.of("退款"), List.of(), Scenario.AFTER_SALES, null),
            new KeywordRuleSpec(
                    "3", 5, MatchMode.ANY_OF, List.of("发票"), List.of(), Scenario.OFF_HOURS, null))); // no template

    private final EngineSelector selector = new EngineSelector();

    @ParameterizedTest(name = "{0} {1} crisis={2} → {3}")
    @CsvSource({
        "BASIC,    这个多少钱, false, BASIC,    FALLBACK,        固定回复",
        "BASIC,    我要退款,   false, BASIC,    FALLBACK,        固定回复",
        "ADVANCED, 这个多少钱, false, ADVANCED, PRODUCT_INQUIRY, 商品咨询回复",
        "ADVANCED, 价格贵吗,   false, ADVANCED, PRODUCT_INQUIRY, 商品咨询回复",
        "ADVANCED, 我要退款,   false, ADVANCED, AFTER_SALES,     售后回复",
        "ADVANCED, 退款多少钱, false, ADVANCED, AFTER_SALES,     售后回复",
        "ADVANCED, 今天天气好, false, BASIC,    FALLBACK,        固定回复",
        "ADVANCED, 要开发票,   false, BASIC,    FALLBACK,        固定回复",
        "ADVANCED, 这个多少钱, true,  BASIC,    CRISIS,          危机回复",
        "CUSTOM,   我要退款,   false, ADVANCED, AFTER_SALES,     售后回复",
        "CUSTOM,   你好,       false, BASIC,    FALLBACK,        固定回复",
        "BASIC,    这个多少钱, true,  BASIC,    CRISIS,          危机回复",
    })
    void tierDecidesTheEnginesAndAdvancedFallsBackToTheFixedReply(
            Tier tier, String text, boolean crisis, Tier engineTier, Scenario scenario, String template) {
        AccountRules rules = new AccountRules("a", "ag", tier, crisis, TEMPLATES, BOOK);

        EngineMatch match =
                selector.match(new MessageContext(text, "小王"), rules).orElseThrow();

        assertEquals(engineTier, match.tier());
        assertEquals(scenario, match.scenario());
        assertEquals(template, match.template());
    }

    /** The reply a cheaper tier gives when the primary's quota is used up: strictly cheaper, or none. */
    @ParameterizedTest(name = "{0} account, {1} primary, {2} crisis={3} → {4}")
    @CsvSource({
        "CUSTOM,   CUSTOM,   这个多少钱, false, ADVANCED, 商品咨询回复",
        "CUSTOM,   CUSTOM,   今天天气好, false, BASIC,    固定回复",
        "CUSTOM,   ADVANCED, 这个多少钱, false, BASIC,    固定回复",
        "ADVANCED, ADVANCED, 我要退款,   false, BASIC,    固定回复",
        "ADVANCED, BASIC,    今天天气好, false, ,         ",
        "BASIC,    BASIC,    这个多少钱, false, ,         ",
        "CUSTOM,   CUSTOM,   这个多少钱, true,  ,         ",
    })
    void fallbackIsWhatACheaperTierWouldAnswer(
            Tier account, Tier primaryTier, String text, boolean crisis, Tier fallbackTier, String template) {
        AccountRules rules = new AccountRules("a", "ag", account, crisis, TEMPLATES, BOOK);
        EngineMatch primary = new EngineMatch(primaryTier, Scenario.PRODUCT_INQUIRY, "primary", "主回复", List.of(), 0.9);

        var fallback = selector.fallback(primary, new MessageContext(text, "小王"), rules);

        assertEquals(fallbackTier, fallback.map(EngineMatch::tier).orElse(null));
        assertEquals(template, fallback.map(EngineMatch::template).orElse(null));
    }

    @ParameterizedTest(name = "{0} first message crisis={1} → {2}")
    @CsvSource({
        "BASIC,    false, WELCOME, 欢迎关注",
        "ADVANCED, false, WELCOME, 欢迎关注",
        "CUSTOM,   false, WELCOME, 欢迎关注",
        "ADVANCED, true,  CRISIS,  危机回复",
    })
    void aNewFollowersFirstMessageGetsTheWelcomeUnlessInCrisis(
            Tier tier, boolean crisis, Scenario scenario, String template) {
        AccountRules rules = new AccountRules("a", "ag", tier, crisis, TEMPLATES, BOOK);

        EngineMatch match = selector.match(new MessageContext("这个多少钱", "小王", "u1", true), rules)
                .orElseThrow();

        assertEquals(scenario, match.scenario());
        assertEquals(template, match.template());
    }

    @Test
    void withoutAWelcomeTemplateTheFirstMessageIsAnsweredAsAnyOther() {
        Map<Scenario, String> templates = new java.util.HashMap<>(TEMPLATES);
        templates.remove(Scenario.WELCOME);
        AccountRules rules = new AccountRules("a", "ag", Tier.ADVANCED, false, templates, BOOK);

        EngineMatch match = selector.match(new MessageContext("这个多少钱", "小王", "u1", true), rules)
                .orElseThrow();

        assertEquals(Scenario.PRODUCT_INQUIRY, match.scenario());
    }

    @Test
    void scenarioVariantsReplaceTheTemplateStickilyPerUser() {
        Map<Scenario, List<TemplateVariantSpec>> variants = Map.of(
                Scenario.PRODUCT_INQUIRY,
                List.of(new TemplateVariantSpec("A", "文案A", 1), new TemplateVariantSpec("B", "文案B", 1)));
        AccountRules rules = new AccountRules("a", "ag", Tier.ADVANCED, false, TEMPLATES, BOOK, variants);

        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int user = 0; user < 50; user++) {
            EngineMatch match = selector.match(new MessageContext("多少钱", null, "u" + user, false), rules)
                    .orElseThrow();
            assertEquals("文案" + match.variant(), match.template());
            seen.add(match.variant());
        }
        assertEquals(java.util.Set.of("A", "B"), seen);
        assertEquals(
                null,
                selector.match(new MessageContext("退款", null, "u1", false), rules)
                        .orElseThrow()
                        .variant());
    }

    @ParameterizedTest(name = "{0} offHours={1} first={2} crisis={3} → {4}")
    @CsvSource({
        "BASIC,    true,  false, false, OFF_HOURS",
        "ADVANCED, true,  false, false, OFF_HOURS",
        "CUSTOM,   true,  false, false, OFF_HOURS",
        "CUSTOM,   true,  true,  false, OFF_HOURS",
        "CUSTOM,   true,  false, true,  CRISIS",
        "ADVANCED, false, false, false, PRODUCT_INQUIRY",
    })
    void outsideBusinessHoursTheOffHoursTemplateAnswersUnlessInCrisis(
            Tier tier, boolean offHours, boolean first, boolean crisis, Scenario scenario) {
        Map<Scenario, String> templates = new java.util.HashMap<>(TEMPLATES);
        templates.put(Scenario.OFF_HOURS, "下班了");
        AccountRules rules = new AccountRules("a", "ag", tier, crisis, templates, BOOK);

        EngineMatch match = selector.match(new MessageContext("这个多少钱", "小王", "u1", first, offHours, null), rules)
                .orElseThrow();

        assertEquals(scenario, match.scenario());
    }

    /** Every message is "near" the after-sales intent; only a CUSTOM account may act on it. */
    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource({
        "CUSTOM,   这个多少钱, CUSTOM,   AFTER_SALES",
        "CUSTOM,   今天天气好, CUSTOM,   AFTER_SALES",
        "ADVANCED, 这个多少钱, ADVANCED, PRODUCT_INQUIRY",
        "ADVANCED, 今天天气好, BASIC,    FALLBACK",
        "BASIC,    这个多少钱, BASIC,    FALLBACK",
        "BASIC,    我要退款,   BASIC,    FALLBACK",
    })
    void onlyTheCustomTierReachesTheSemanticEngine(Tier tier, String text, Tier engineTier, Scenario scenario) {
        float[] vector = {1, 0};
        IntentIndex intents = IntentIndex.of(
                List.of(new IntentSpec("9", Scenario.AFTER_SALES, List.of("退"), null)), p -> vector, 0.5);
        AccountRules rules = new AccountRules("a", "ag", tier, false, TEMPLATES, BOOK).withIntents(intents);

        EngineMatch match = selector.match(new MessageContext(text, "小王", "u1", false, false, vector), rules)
                .orElseThrow();

        assertEquals(engineTier, match.tier());
        assertEquals(scenario, match.scenario());
    }

    @Test
    void aCustomMessageNoIntentPlacesFallsBackToTheKeywordRules() {
        IntentIndex intents = IntentIndex.of(
                List.of(new IntentSpec("9", Scenario.AFTER_SALES, List.of("退"), null)), p -> new float[] {1, 0}, 0.5);
        AccountRules rules = new AccountRules("a", "ag", Tier.CUSTOM, false, TEMPLATES, BOOK).withIntents(intents);

        EngineMatch match = selector.match(
                        new MessageContext("这个多少钱", "小王", "u1", false, false, new float[] {0, 1}), rules)
                .orElseThrow();

        assertEquals(Tier.ADVANCED, match.tier());
        assertEquals(Scenario.PRODUCT_INQUIRY, match.scenario());
    }
}
