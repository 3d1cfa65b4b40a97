package io.dmpilot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.rules.engine.MatchMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordRuleRequestTest {
    @ParameterizedTest(name = "{0} {1} {2} → {4}")
    @CsvSource(
            delimiter = ';',
            nullValues = "null",
            value = {
                "0; null; 价格; PRODUCT_INQUIRY; matchMode",
                "0; FUZZY; 价格; PRODUCT_INQUIRY; matchMode",
                "0; ANY_OF; ''; PRODUCT_INQUIRY; keywords",
                "0; ANY_OF; '  '; PRODUCT_INQUIRY; keywords",
                "0; ANY_OF; ？！; PRODUCT_INQUIRY; keywords",
                "0; CONTAINS; 价格|购买; PRODUCT_INQUIRY; keywords",
                "0; REGEX; (unclosed; PRODUCT_INQUIRY; keywords",
                "0; REGEX; a|b; PRODUCT_INQUIRY; keywords",
                "0; REGEX; [a-; PRODUCT_INQUIRY; keywords",
                "0; ANY_OF; 价格; null; scenario",
                "0; ANY_OF; 价格; SHOPPING; scenario",
                "-1; ANY_OF; 价格; PRODUCT_INQUIRY; priority",
                "10001; ANY_OF; 价格; PRODUCT_INQUIRY; priority",
            })
    void invalidRulesAreRefusedNamingTheField(
            int priority, String mode, String keywords, String scenario, String field) {
        KeywordRuleRequest request =
                new KeywordRuleRequest(priority, mode, words(keywords), List.of(), scenario, null, null);

        ProblemException e = assertThrows(ProblemException.class, () -> request.applyTo(new KeywordRule()));

        assertEquals(field, e.problem().field());
        assertEquals(400, e.problem().status());
    }

    @Test
    void tooManyKeywordsOrMultiLineKeywordsAreRefused() {
        List<String> many = new ArrayList<>(Collections.nCopies(51, "价格"));
        assertEquals(
                "keywords", refusedField(new KeywordRuleRequest(1, "ANY_OF", many, null, "AFTER_SALES", null, null)));
        assertEquals(
                "exclusions",
                refusedField(new KeywordRuleRequest(
                        1, "ANY_OF", List.of("价格"), List.of("a\nb"), "AFTER_SALES", null, null)));
        assertEquals(
                "templateText",
                refusedField(new KeywordRuleRequest(1, "ANY_OF", List.of("价格"), null, "AFTER_SALES", " ", null)));
    }

    @ParameterizedTest
    @CsvSource({"any_of, 价格|多少钱", "REGEX, 1[3-9]\\d{9}", "EXACT, 在吗|你好", "ALL_OF, 发货|什么时候", "CONTAINS, vip会员"})
    void validRulesAreAcceptedWithDefaults(String mode, String keywords) {
        KeywordRule rule = new KeywordRule();

        new KeywordRuleRequest(null, mode, words(keywords), null, "product_inquiry", null, null).applyTo(rule);

        assertEquals(MatchMode.valueOf(mode.toUpperCase()), rule.matchMode);
        assertEquals(words(keywords), rule.keywords);
        assertEquals(List.of(), rule.exclusions);
        assertEquals(Scenario.PRODUCT_INQUIRY, rule.scenario);
        assertEquals(0, rule.priority);
        assertEquals(true, rule.enabled);
    }

    private static String refusedField(KeywordRuleRequest request) {
        return assertThrows(ProblemException.class, () -> request.applyTo(new KeywordRule()))
                .problem()
                .field();
    }

    private static List<String> words(String joined) {
        return joined == null ? null : Arrays.asList(joined.split("\\|", -1));
    }
}
