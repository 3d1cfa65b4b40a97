package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Scenario;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordBookTest {
    static final KeywordBook BOOK = KeywordBook.of(List.of(
            rule("after", 100, MatchMode.ANY_OF, List.of("退货", "退款", "换货", "售后"), List.of()),
            rule("product", 50, MatchMode.ANY_OF, List.of("价格", "多少钱", "购买", "怎么买"), List.of("不想买", "不买")),
            rule("shipping", 60, MatchMode.ALL_OF, List.of("发货", "什么时候"), List.of()),
            rule("hello", 10, MatchMode.EXACT, List.of("在吗", "你好", "在不在"), List.of()),
            rule("phone", 200, MatchMode.REGEX, List.of("1[3-9]\\d{9}"), List.of()),
            rule("vip", 70, MatchMode.CONTAINS, List.of("VIP会员"), List.of("退订"))));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "这个多少钱, product",
        "价格是多少？, product",
        "怎么买啊, product",
        "我想购买两件, product",
        "价 格, product",
        "请问价格, product",
        "我要退款, after",
        "退货流程是什么, after",
        "换 货, after",
        "售后电话多少, after",
        "买了就坏了，要退款，多少钱都没用, after",
        "不想买了，多少钱都不买, none",
        "什么时候发货, shipping",
        "发货了吗什么时候到, shipping",
        "发货, none",
        "什么时候, none",
        "在吗, hello",
        "在吗？, hello",
        "在 不 在 ！, hello",
        "你好呀, none",
        "在吗我想买, none",
        "ＶＩＰ会员多少钱, vip",
        "vip会员, vip",
        "Vip 会员, vip",
        "vip会员退订, none",
        "我的手机号13812345678, phone",
        "手机号13812345678要退款, phone",
        "电话１３８１２３４５６７８, phone",
        "12345678901, none",
        "今天天气不错, none",
        "'', none",
    })
    void highestPriorityMatchingRuleWinsAndExclusionsVeto(String text, String expected) {
        String winner = BOOK.match(text).map(hit -> hit.rule().id()).orElse("none");

        assertEquals(expected, winner);
    }

    @ParameterizedTest
    @CsvSource({
        "这个多少钱价格贵吗, 价格|多少钱",
        "我要退款还是换货, 退款|换货",
        "什么时候发货, 发货|什么时候",
        "ＶＩＰ会员, VIP会员",
        "号码13900001111谢谢, 13900001111",
    })
    void reportsTheKeywordsThatMatchedAsTheOperatorWroteThem(String text, String keywords) {
        assertEquals(
                List.of(keywords.split("\\|")), BOOK.match(text).orElseThrow().matchedKeywords());
    }

    @Test
    void aKeywordSharedByRulesCountsForEachOfThem() {
        KeywordBook book = KeywordBook.of(List.of(
                rule("cheap", 10, MatchMode.ANY_OF, List.of("价格"), List.of()),
                rule("bulk", 20, MatchMode.ALL_OF, List.of("价格", "批发"), List.of())));

        assertEquals("bulk", book.match("批发价格").orElseThrow().rule().id());
        assertEquals("cheap", book.match("零售价格").orElseThrow().rule().id());
    }

    @Test
    void aBadStoredExpressionDisablesOnlyItsRule() {
        KeywordBook book = KeywordBook.of(List.of(
                rule("broken", 99, MatchMode.REGEX, List.of("(unclosed"), List.of()),
                rule("ok", 1, MatchMode.ANY_OF, List.of("价格"), List.of())));

        assertEquals("ok", book.match("价格 (unclosed").orElseThrow().rule().id());
    }

    @Test
    void manyRulesStillFindTheOneThatMatches() {
        List<KeywordRuleSpec> rules = IntStream.range(0, 5_000)
                .mapToObj(i -> rule("r" + i, i % 7, MatchMode.ANY_OF, List.of("词" + i + "号"), List.of()))
                .toList();
        KeywordBook book = KeywordBook.of(rules);

        assertEquals("r4321", book.match("我说的是词4321号").orElseThrow().rule().id());
        assertTrue(book.match("无关的话").isEmpty());
    }

    static KeywordRuleSpec rule(
            String id, int priority, MatchMode mode, List<String> keywords, List<String> exclusions) {
        return new KeywordRuleSpec(id, priority, mode, keywords, exclusions, Scenario.PRODUCT_INQUIRY, "回复" + id);
    }
}
