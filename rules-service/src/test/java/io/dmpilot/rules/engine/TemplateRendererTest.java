package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRendererTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{nickname}您好 | 小王您好",
                "您好{nickname}，{product}今天有优惠 | 您好小王，连衣裙今天有优惠",
                "没有变量 | 没有变量",
                "{unknown}您好 | 您好",
                "{ nickname } | { nickname }",
                "价格$5 {nickname} | 价格$5 小王",
                "{nickname}{nickname} | 小王小王",
            })
    void fillsKnownVariablesAndDropsUnknownOnes(String template, String expected) {
        assertEquals(expected, TemplateRenderer.render(template, Map.of("nickname", "小王", "product", "连衣裙")));
    }
}
