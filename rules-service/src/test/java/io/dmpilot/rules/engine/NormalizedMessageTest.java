package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizedMessageTest {
    @ParameterizedTest
    @CsvSource({
        "'多少钱？', 多少钱",
        "'多 少 钱', 多少钱",
        "'ＶＩＰ价格', vip价格",
        "'Ｗｉｆｉ多少钱！！', wifi多少钱",
        "'①号链接', 1号链接",
        "'【退款】~~', 退款",
        "'在吗😊', 在吗",
        "'', ''",
    })
    void foldsWidthAndCaseAndDropsSeparators(String text, String compact) {
        assertEquals(compact, NormalizedMessage.of(text).compact());
    }

    @ParameterizedTest
    @CsvSource({"'ＡＢＣ １２３', 'abc 123'", "'Ｑ Q', 'q q'"})
    void foldedFormKeepsSpacesForRegularExpressions(String text, String folded) {
        assertEquals(folded, NormalizedMessage.of(text).folded());
    }
}
