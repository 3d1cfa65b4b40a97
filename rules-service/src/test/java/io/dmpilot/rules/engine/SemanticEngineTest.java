package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The semantic engine's logic with a toy encoder: each phrase's vector is given by hand in a 3-dimensional
 * space (x = buying, y = complaining, z = anything else), so the cases say exactly which score they test.
 */
class SemanticEngineTest {
    private static final Map<String, float[]> SPACE = Map.of(
            "多少钱", new float[] {1, 0, 0},
            "怎么买", new float[] {0.9f, 0.1f, 0},
            "要退款", new float[] {0, 1, 0},
            "坏了", new float[] {0.1f, 0.9f, 0});
    private static final Map<Scenario, String> TEMPLATES =
            Map.of(Scenario.PRODUCT_INQUIRY, "商品咨询回复", Scenario.AFTER_SALES, "售后回复", Scenario.FALLBACK, "固定回复");
    private static final List<IntentSpec> INTENTS = List.of(
            new IntentSpec("1", Scenario.PRODUCT_INQUIRY, List.of("多少钱", "怎么买"), null),
            new IntentSpec("2", Scenario.AFTER_SALES, List.of("要退款", "坏了"), "售后专属回复"));
    private static final IntentIndex INDEX = IntentIndex.of(INTENTS, p -> Vectors.unit(SPACE.get(p)), 0.8);

    private final SemanticEngine engine = new SemanticEngine();

    @ParameterizedTest(name = "({0},{1},{2}) → {3} {4}")
    @CsvSource({
        // x,  y,   z,   scenario,        template,      nearest example
        "1,    0,   0,   PRODUCT_INQUIRY, 商品咨询回复,   多少钱",
        "0.8,  0.2, 0,   PRODUCT_INQUIRY, 商品咨询回复,   怎么买",
        "0.95, 0,   0.1, PRODUCT_INQUIRY, 商品咨询回复,   多少钱",
        "0,    1,   0,   AFTER_SALES,     售后专属回复,   要退款",
        "0.2,  1,   0,   AFTER_SALES,     售后专属回复,   坏了",
        "0.1,  0.8, 0.3, AFTER_SALES,     售后专属回复,   坏了",
    })
    void theNearestExampleAboveTheThresholdNamesTheIntent(
            float x, float y, float z, Scenario scenario, String template, String example) {
        EngineMatch match = engine.match(message(x, y, z), rules(INDEX)).orElseThrow();

        assertEquals(Tier.CUSTOM, match.tier());
        assertEquals(scenario, match.scenario());
        assertEquals(template, match.template());
        assertEquals(List.of(example), match.keywords());
        assertTrue(match.score() >= 0.8 && match.score() <= 1.0 + 1e-6, () -> "score " + match.score());
        assertTrue(match.ruleId().startsWith("intent:"));
    }

    @ParameterizedTest(name = "({0},{1},{2}) is near no intent")
    @CsvSource({"0, 0, 1", "0.5, 0.5, 0.7", "0.3, 0.2, 1", "0, 0, 0"})
    void belowTheThresholdTheEngineStandsAside(float x, float y, float z) {
        assertTrue(engine.match(message(x, y, z), rules(INDEX)).isEmpty());
    }

    @Test
    void withoutAVectorOrWithoutIntentsTheEngineStandsAside() {
        assertTrue(engine.match(new MessageContext("多少钱", "小王"), rules(INDEX)).isEmpty());
        assertTrue(engine.match(message(1, 0, 0), rules(IntentIndex.EMPTY)).isEmpty());
    }

    @Test
    void anIntentWhoseScenarioHasNoTemplateAnswersNothing() {
        IntentIndex index = IntentIndex.of(
                List.of(new IntentSpec("3", Scenario.OFF_HOURS, List.of("多少钱"), null)),
                p -> Vectors.unit(SPACE.get(p)),
                0.8);

        assertTrue(engine.match(message(1, 0, 0), rules(index)).isEmpty());
    }

    private static MessageContext message(float x, float y, float z) {
        return new MessageContext("…", "小王", "u1", false, false, Vectors.unit(new float[] {x, y, z}));
    }

    private static AccountRules rules(IntentIndex index) {
        return new AccountRules("a", "ag", Tier.CUSTOM, false, TEMPLATES).withIntents(index);
    }
}
