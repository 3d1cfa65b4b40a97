package io.dmpilot.analytics.keywords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordSegmenterTest {
    private static WordSegmenter segmenter;

    @BeforeAll
    static void loadDictionary() {
        segmenter = new WordSegmenter();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // text | expected words, space separated ("" = none)
                "这个多少钱，有优惠吗 | 多少 钱 优惠",
                "怎么退款 | 退款",
                "你好，我想退货 | 退货",
                "请问包邮吗？发货要几天 | 包邮 发货 几天",
                "这款面膜适合敏感肌吗 | 这款 面膜 适合 敏感 肌",
                "在吗 | ''",
                "iPhone 15 的价格？？ | iphone 价格",
                "😀😀 123 ！！ | ''",
                "'' | ''"
            })
    void chineseTextIsSegmentedIntoWordsWithoutStopWordsPunctuationOrNumbers(String text, String expected) {
        List<String> words = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));

        assertEquals(words, segmenter.words(text));
    }
}
