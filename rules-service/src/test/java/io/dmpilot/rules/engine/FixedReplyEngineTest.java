package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedReplyEngineTest {
    private final FixedReplyEngine engine = new FixedReplyEngine();
    private final Map<Scenario, String> templates = Map.of(Scenario.FALLBACK, "您好", Scenario.CRISIS, "抱歉，我们正在处理");

    @ParameterizedTest
    @CsvSource({
        "这个多少钱, false, FALLBACK, 您好",
        "我要退款, false, FALLBACK, 您好",
        "'', false, FALLBACK, 您好",
        "这个多少钱, true, CRISIS, 抱歉，我们正在处理",
        "你们是骗子, true, CRISIS, 抱歉，我们正在处理",
    })
    void answersEveryMessageWithTheFixedOrCrisisTemplate(
            String text, boolean crisis, Scenario scenario, String expected) {
        AccountRules rules = new AccountRules("a", "ag", Tier.BASIC, crisis, templates);

        EngineMatch match = engine.match(new MessageContext(text, null), rules).orElseThrow();

        assertEquals(scenario, match.scenario());
        assertEquals(expected, match.template());
        assertEquals(Tier.BASIC, match.tier());
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void noTemplateMeansNoMatch(boolean crisis) {
        AccountRules rules = new AccountRules("a", "ag", Tier.BASIC, crisis, Map.of());

        assertTrue(engine.match(new MessageContext("在吗", null), rules).isEmpty());
    }
}
