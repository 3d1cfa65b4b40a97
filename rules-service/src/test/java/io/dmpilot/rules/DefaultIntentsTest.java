package io.dmpilot.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.engine.IntentIndex;
import io.dmpilot.rules.engine.IntentSpec;
import io.dmpilot.rules.engine.SentenceEncoder;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real model (bge-small-zh-v1.5) over the default intents a new CUSTOM account gets: paraphrases the
 * keyword lists miss land on the right scenario; small talk and other topics stay below the threshold, so the
 * keyword rules and then the fixed reply answer them. Pure logic over the model, but run inside the Quarkus
 * test application and with its model instance: a JVM may load the tokenizer's native library in one class
 * loader only, and the other Quarkus tests load it in theirs.
 */
@QuarkusTest
@WithTestResource(
        value = TestServices.class,
        initArgs = @ResourceArg(name = "services", value = "kafka,redis,postgres"))
class DefaultIntentsTest {
    @Inject
    SentenceEmbedder embedder;

    @Inject
    RulesConfig config;

    private SentenceEncoder model;
    private IntentIndex index;

    @BeforeEach
    void loadModel() {
        model = embedder.encoder();
        List<IntentSpec> intents = StarterRules.intents("a", Tier.CUSTOM).stream()
                .map(i -> new IntentSpec(i.scenario.name(), i.scenario, i.examples, null))
                .toList();
        index = IntentIndex.of(intents, model::encode, config.semantic().threshold());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // product inquiry, worded without the keyword lists' words or with new ones
        "这个怎么卖,             PRODUCT_INQUIRY",
        "咋卖的,                 PRODUCT_INQUIRY",
        "多钱,                   PRODUCT_INQUIRY",
        "给个购买方式,           PRODUCT_INQUIRY",
        "这个要多少米,           PRODUCT_INQUIRY",
        "怎么才能买到,           PRODUCT_INQUIRY",
        "有没有打折,             PRODUCT_INQUIRY",
        "亲，这款什么价格呀,     PRODUCT_INQUIRY",
        "想下单去哪里拍,         PRODUCT_INQUIRY",
        "还有库存吗,             PRODUCT_INQUIRY",
        "便宜点卖不,             PRODUCT_INQUIRY",
        "发个链接给我,           PRODUCT_INQUIRY",
        "什么时候发货,           PRODUCT_INQUIRY",
        // after-sales
        "东西到了是坏的,         AFTER_SALES",
        "钱能退回来吗,           AFTER_SALES",
        "收到货有破损,           AFTER_SALES",
        "我不想要了能退吗,       AFTER_SALES",
        "寄过来的颜色不对,       AFTER_SALES",
        "用了两天就坏了,         AFTER_SALES",
        "退的钱怎么还没到,       AFTER_SALES",
        "东西质量太差了,         AFTER_SALES",
        "少给我发了一个,         AFTER_SALES",
        "我要换一个新的,         AFTER_SALES",
        "衣服大了能换小一号吗,   AFTER_SALES",
        // neither: no intent is near enough
        "今天天气真好,           NONE",
        "你是机器人吗,           NONE",
        "哈哈哈,                 NONE",
        "主播唱歌真好听,         NONE",
        "你好,                   NONE",
        "谢谢,                   NONE",
        "在吗,                   NONE",
        "好的,                   NONE",
        "能开发票吗,             NONE",
        "怎么联系客服,           NONE",
        "你们几点下班,           NONE",
    })
    void paraphrasesFindTheirScenarioAndOtherTalkFindsNone(String text, String expected) {
        String actual = index.match(model.encode(text))
                .map(hit -> hit.intent().scenario().name())
                .orElse("NONE");

        assertEquals(expected, actual, () -> text + " nearest " + index.nearest(model.encode(text)));
    }

    @ParameterizedTest(name = "{0} ≈ {1}")
    @CsvSource({"这个多少钱, 这个多少钱", "我要退货, 我要退货"})
    void anExampleIsItsOwnNearestWithScoreOne(String text, String example) {
        IntentIndex.IntentHit hit = index.nearest(model.encode(text)).orElseThrow();

        assertEquals(example, hit.example());
        assertEquals(1.0, hit.score(), 1e-4);
        assertEquals(
                text.contains("退") ? Scenario.AFTER_SALES : Scenario.PRODUCT_INQUIRY,
                hit.intent().scenario());
    }

    @Test
    void onceLoadedTheModelReportsReady() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'sentence-model' }.data.state", equalTo("loaded"));
    }
}
