package io.dmpilot.compliance.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.LexiconCategory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconMatcherTest {
    private static final LexiconMatcher MATCHER =
            new LexiconMatcher(LexiconLoader.fromClasspath("lexicon/default.tsv"));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "全网最便宜，快来买 | EXTREME_ADVERTISING | 最便宜",
                "最 便 宜 的价格 | EXTREME_ADVERTISING | 最 便 宜",
                "最-便-宜 | EXTREME_ADVERTISING | 最-便-宜",
                "最😀便😀宜 | EXTREME_ADVERTISING | 最😀便😀宜",
                "最​便宜 | EXTREME_ADVERTISING | 最​便宜",
                "绝对保障售后 | EXTREME_ADVERTISING | 绝对保障",
                "本品１００％有效 | EXTREME_ADVERTISING | １００％有效",
                "①⓪⓪%有效 | EXTREME_ADVERTISING | ①⓪⓪%有效",
                "详情加微信问我 | DIVERSION | 加微信",
                "加Ｖ了解 | DIVERSION | 加Ｖ",
                "加 v 了解 | DIVERSION | 加 v",
                "我的ＶＸ是abc | DIVERSION | ＶＸ",
                "去拼多多买更便宜 | DIVERSION | 拼多多",
                "此药包治百病 | REGULATED | 包治百病",
                "理财稳赚不赔 | REGULATED | 稳赚不赔",
                "你个傻逼 | HARASSMENT | 傻逼",
            })
    void catchesTermsAndTheirEvasionsPointingAtTheOriginalText(String text, LexiconCategory category, String original) {
        List<Finding> findings = MATCHER.find(text);

        assertEquals(1, findings.size(), () -> "findings: " + findings);
        Finding finding = findings.get(0);
        assertEquals(category, finding.category());
        assertEquals(original, finding.term());
        assertEquals(original, text.substring(finding.start(), finding.end()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "您好，感谢您的私信！",
                "这款连衣裙今天有优惠，点击链接购买",
                "便宜又实惠",
                "最近上新了很多款",
                "我们保障售后服务",
                "退款流程：进入订单页申请",
                "价格是100元",
                "''",
            })
    void leavesCleanRepliesAlone(String text) {
        assertTrue(MATCHER.find(text).isEmpty(), () -> "unexpected: " + MATCHER.find(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"最便宜，最低价 | 2", "加微信或者加V | 2", "最便宜最便宜 | 2"})
    void reportsEveryOccurrenceInOrder(String text, int count) {
        List<Finding> findings = MATCHER.find(text);

        assertEquals(count, findings.size());
        assertTrue(findings.get(0).start() < findings.get(1).start());
    }
}
