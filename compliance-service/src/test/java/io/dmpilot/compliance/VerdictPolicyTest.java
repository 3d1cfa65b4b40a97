package io.dmpilot.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.compliance.lexicon.LexiconLoader;
import io.dmpilot.compliance.lexicon.LexiconMatcher;
import io.dmpilot.compliance.lexicon.LexiconTerm;
import io.dmpilot.contracts.LexiconCategory;
import io.dmpilot.contracts.Verdict;
import java.util.List;
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
                // regulated: each term needs its own category's qualification
                "此药包治百病 | medical | APPROVED | 此药包治百病",
                "此药包治百病 | finance | BLOCKED | ''",
                "此药包治百病 | regulated | BLOCKED | ''",
                "此药包治百病 | medical+finance | APPROVED | 此药包治百病",
                "降 血 压，药到病除 | medical | APPROVED | 降 血 压，药到病除",
                "降 血 压，药到病除 | - | BLOCKED | ''",
                "理财稳赚不赔 | finance | APPROVED | 理财稳赚不赔",
                "理财稳赚不赔 | medical | BLOCKED | ''",
                "理财稳赚不赔 | - | BLOCKED | ''",
                "年化收益8%的理财产品 | finance | APPROVED | 年化收益8%的理财产品",
                "年化收益8%的理财产品 | medical | BLOCKED | ''",
                "根治高血压，保本理财 | medical | BLOCKED | ''",
                "根治高血压，保本理财 | finance | BLOCKED | ''",
                "根治高血压，保本理财 | medical+finance | APPROVED | 根治高血压，保本理财",
                // a qualification lifts its category only: the other penalties still apply
                "理财稳赚不赔，最低价 | finance | REWRITTEN | 理财稳赚不赔，超值价",
                "稳赚不赔，加微信 | finance | BLOCKED | ''",
                "包治百病，全网最便宜 | medical | BLOCKED | ''",
                "药到病除，傻逼 | medical | BLOCKED | ''",
                "国家级产品 | medical+finance | BLOCKED | ''",
            })
    void eachCategoryGetsItsVerdict(String text, String qualification, Verdict verdict, String sent) {
        Set<String> held = "-".equals(qualification) ? Set.of() : Set.of(qualification.split("\\+"));

        VerdictPolicy.Decision decision = VerdictPolicy.decide(text, MATCHER.hits(text), held);

        assertEquals(verdict, decision.verdict(), () -> "findings: " + decision.findings());
        assertEquals(sent, decision.text());
    }

    @ParameterizedTest(name = "{0} held by [{1}] → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "- | - | BLOCKED",
                "- | medical | BLOCKED",
                "- | regulated | APPROVED",
                "medical | regulated | BLOCKED",
                "medical | medical | APPROVED",
                "finance | medical | BLOCKED",
                "finance | finance+medical | APPROVED",
            })
    void aRegulatedTermNeedsTheQualificationItWasFiledUnder(String filedUnder, String held, Verdict verdict) {
        String qualification = "-".equals(filedUnder) ? null : filedUnder;
        LexiconMatcher matcher =
                new LexiconMatcher(List.of(new LexiconTerm(LexiconCategory.REGULATED, "代办贷款", null, qualification)));
        Set<String> holds = "-".equals(held) ? Set.of() : Set.of(held.split("\\+"));

        VerdictPolicy.Decision decision = VerdictPolicy.decide("可以代办贷款", matcher.hits("可以代办贷款"), holds);

        assertEquals(verdict, decision.verdict());
        assertEquals(verdict == Verdict.APPROVED ? 0 : 1, decision.findings().size());
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "全网第一 | REWRITTEN | 全网**",
                "全网 第 一，放心买 | REWRITTEN | 全网 ***，放心买",
                "全网第一，最低价 | REWRITTEN | 全网**，超值价",
                "这是第一次 | APPROVED | 这是第一次",
                "全网第一，加微信 | BLOCKED | ''",
            })
    void aMaskSubstituteMasksTheTermAsWritten(String text, Verdict verdict, String sent) {
        LexiconMatcher matcher = new LexiconMatcher(List.of(
                new LexiconTerm(LexiconCategory.EXTREME_ADVERTISING, "第一", LexiconTerm.MASK),
                new LexiconTerm(LexiconCategory.EXTREME_ADVERTISING, "最低价", "超值价"),
                new LexiconTerm(LexiconCategory.DIVERSION, "加微信")));

        VerdictPolicy.Decision decision = VerdictPolicy.decide(text, matcher.hits(text), Set.of());

        assertEquals(verdict, decision.verdict(), () -> "findings: " + decision.findings());
        assertEquals(sent, decision.text());
    }
}
