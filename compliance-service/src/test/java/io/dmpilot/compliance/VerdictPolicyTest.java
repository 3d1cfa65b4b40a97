package io.dmpilot.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.compliance.lexicon.LexiconLoader;
import io.dmpilot.compliance.lexicon.LexiconMatcher;
import io.dmpilot.contracts.Verdict;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictPolicyTest {
    private static final LexiconMatcher MATCHER =
            new LexiconMatcher(LexiconLoader.fromClasspath("lexicon/default.tsv"));

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "您好，这款今天有优惠 | - | APPROVED | 您好，这款今天有优惠",
                "我们的价格全网最便宜！ | - | BLOCKED | ''",
                "今天最低价，快来 | - | REWRITTEN | 今天超值价，快来",
                "今天最 低 价，快来 | - | REWRITTEN | 今天超值价，快来",
                "顶级面料，最受欢迎 | - | REWRITTEN | 高品质面料，很受欢迎",
                "最低价，最便宜 | - | BLOCKED | ''",
                "最低价，加微信 | - | BLOCKED | ''",
                "详情加微信问我 | - | BLOCKED | ''",
                "打 1 3 8 0 0 1 3 8 0 0 0 | - | BLOCKED | ''",
                "你个傻逼 | - | BLOCKED | ''",
                "此药包治百病 | - | BLOCKED | ''",
                "此药包治百病 | regulated | APPROVED | 此药包治百病",
                "理财稳赚不赔 | regulated | APPROVED | 理财稳赚不赔",
                "理财稳赚不赔，最低价 | regulated | REWRITTEN | 理财稳赚不赔，超值价",
                "稳赚不赔，加微信 | regulated | BLOCKED | ''",
                "国家级产品 | regulated | BLOCKED | ''",
            })
    void eachCategoryGetsItsVerdict(String text, String qualification, Verdict verdict, String sent) {
        Set<String> held = "-".equals(qualification) ? Set.of() : Set.of(qualification);

        VerdictPolicy.Decision decision = VerdictPolicy.decide(text, MATCHER.hits(text), held);

        assertEquals(verdict, decision.verdict(), () -> "findings: " + decision.findings());
        assertEquals(sent, decision.text());
    }
}
