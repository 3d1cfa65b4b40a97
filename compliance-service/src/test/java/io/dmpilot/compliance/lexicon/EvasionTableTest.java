package io.dmpilot.compliance.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.LexiconCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every category against every evasion, contact details in every disguise, and replies that must stay clean. */
class EvasionTableTest {
    private static final LexiconMatcher MATCHER =
            new LexiconMatcher(LexiconLoader.fromClasspath("lexicon/default.tsv"));

    private static final List<Object[]> TERMS = List.of(
            new Object[] {LexiconCategory.EXTREME_ADVERTISING, "最便宜"},
            new Object[] {LexiconCategory.EXTREME_ADVERTISING, "最低价"},
            new Object[] {LexiconCategory.EXTREME_ADVERTISING, "全网第一"},
            new Object[] {LexiconCategory.EXTREME_ADVERTISING, "国家级"},
            new Object[] {LexiconCategory.EXTREME_ADVERTISING, "绝对保障"},
            new Object[] {LexiconCategory.EXTREME_ADVERTISING, "史无前例"},
            new Object[] {LexiconCategory.EXTREME_ADVERTISING, "独一无二"},
            new Object[] {LexiconCategory.DIVERSION, "加微信"},
            new Object[] {LexiconCategory.DIVERSION, "拼多多"},
            new Object[] {LexiconCategory.DIVERSION, "淘宝店"},
            new Object[] {LexiconCategory.DIVERSION, "私下交易"},
            new Object[] {LexiconCategory.REGULATED, "包治百病"},
            new Object[] {LexiconCategory.REGULATED, "稳赚不赔"},
            new Object[] {LexiconCategory.REGULATED, "药到病除"},
            new Object[] {LexiconCategory.REGULATED, "保本保息"},
            new Object[] {LexiconCategory.HARASSMENT, "傻逼"},
            new Object[] {LexiconCategory.HARASSMENT, "脑残"},
            new Object[] {LexiconCategory.HARASSMENT, "狗东西"});

    /** How people hide a word from a filter; each keeps the word readable to a person. */
    private static final List<Object[]> EVASIONS = List.of(
            evasion("plain", s -> s),
            evasion("spaces", s -> join(s, " ")),
            evasion("dashes", s -> join(s, "-")),
            evasion("dots", s -> join(s, "·")),
            evasion("stars", s -> join(s, "*")),
            evasion("hearts", s -> join(s, "❤")),
            evasion("emoji", s -> join(s, "😀")),
            evasion("zero-width", s -> join(s, "\u200b")),
            evasion("ideographic space", s -> join(s, "\u3000")),
            evasion("slashes", s -> join(s, "/")),
            evasion("pipes", s -> join(s, "|")),
            evasion("traditional", EvasionTableTest::traditional),
            evasion("full-width latin", EvasionTableTest::fullWidth),
            evasion("mixed", s -> join(traditional(s), " ✨ ")));

    static Stream<Arguments> termsUnderEvasion() {
        List<Arguments> cases = new ArrayList<>();
        for (Object[] term : TERMS) {
            for (Object[] evasion : EVASIONS) {
                @SuppressWarnings("unchecked")
                String hidden = ((UnaryOperator<String>) evasion[1]).apply((String) term[1]);
                cases.add(Arguments.of(evasion[0], "您好，" + hidden + "哦", term[0], hidden));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("termsUnderEvasion")
    void everyCategoryIsCaughtUnderEveryEvasion(String evasion, String text, LexiconCategory category, String hidden) {
        List<Finding> findings = MATCHER.find(text);

        assertEquals(1, findings.size(), () -> "findings: " + findings);
        assertEquals(category, findings.get(0).category());
        assertEquals(hidden, findings.get(0).term());
        assertEquals(
                hidden, text.substring(findings.get(0).start(), findings.get(0).end()));
    }

    static Stream<Arguments> contactDetails() {
        return Stream.of(
                        "13800138000",
                        "138 0013 8000",
                        "1 3 8 - 0 0 1 3 - 8 0 0 0",
                        "138-0013-8000",
                        "+86 138 0013 8000",
                        "①③⑧⓪⓪①③⑧⓪⓪⓪",
                        "❶❸❽⓿⓿❶❸❽⓿⓿⓿",
                        "１３８００１３８０００",
                        "一三八零零一三八零零零",
                        "壹叁捌零零壹叁捌零零零",
                        "幺三八〇〇幺三八〇〇〇",
                        "1️⃣3️⃣8️⃣0️⃣0️⃣1️⃣3️⃣8️⃣0️⃣0️⃣0️⃣",
                        "1😀3😀8😀0😀0😀1😀3😀8😀0😀0😀0",
                        "微信abc123",
                        "微信：abc_123",
                        "微信号 wxid_abcdef",
                        "威❤信 abc123",
                        "薇信abc12345",
                        "v信：abcdef",
                        "V❤信 abc-def-1",
                        "徽信号 hello2024",
                        "vx:abc12345",
                        "VX：abc12345",
                        "ｖｘ ａｂｃ１２３４",
                        "wx abcdef",
                        "加薇 abcdef",
                        "weixin: tom2024",
                        "qq 123456789",
                        "QQ：123456",
                        "扣扣 123456789",
                        "扣❤扣 ①②③④⑤⑥",
                        "抠抠号 98765",
                        "qq号是12345678",
                        "www.example.com",
                        "https://t.cn/abc",
                        "http://shop.example.cn/item?id=1",
                        "example.com",
                        "abc 点 com",
                        "abc。com",
                        "ABC．COM",
                        "abc.xyz",
                        "my-shop.top",
                        "w w w . abc . c o m",
                        "shop.example.com.cn")
                .map(s -> Arguments.of("详情" + s + "联系", s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contactDetails")
    void contactDetailsAreDiversionWhateverTheirDisguise(String text, String contact) {
        List<Finding> findings = MATCHER.find(text);

        assertEquals(1, findings.size(), () -> "findings: " + findings);
        assertEquals(LexiconCategory.DIVERSION, findings.get(0).category());
        String term = findings.get(0).term();
        assertTrue(contact.contains(term) || term.contains(contact), findings::toString);
    }

    static Stream<String> cleanReplies() {
        return Stream.of(
                "您好，感谢您的私信！",
                "这是我们第一次合作，请多关照",
                "第一天上新，欢迎选购",
                "第一步：进入订单页",
                "第一批货已经发出",
                "第1次购买有优惠",
                "第①次来的朋友看这里",
                "这是第一个问题",
                "最近上新了很多款",
                "最近比较忙，稍后回复",
                "最初的设计是这样的",
                "最终价格以页面为准",
                "最后一次提醒您付款",
                "最晚明天发货",
                "最早后天到",
                "价格是100元",
                "满100元减20元",
                "100个名额",
                "1000%有效期内可用",
                "原价199，现价99",
                "订单号202311250001",
                "订单号12345678901",
                "编号 10086",
                "快递单号：SF1234567890",
                "加vip会员享受折扣",
                "成为vip会员",
                "usb接口",
                "微信支付和支付宝都可以",
                "可以用微信付款",
                "请在抖音内下单",
                "版本v1.5已上线",
                "重量是3.5公斤",
                "尺码是m，颜色是黑色",
                "ok. 我们明天发",
                "价格 3.14 元",
                "便宜又实惠",
                "我们保障售后服务",
                "退款流程：进入订单页申请",
                "这款连衣裙今天有优惠",
                "感谢支持，祝您生活愉快",
                "尺寸偏小，建议拍大一码",
                "发货时间是48小时内",
                "收到货有问题随时联系客服",
                "今天下单明天到",
                "运费险已赠送",
                "支持七天无理由退货",
                "可以开发票",
                "颜色有红、蓝、白三种",
                "一二三号链接都有货",
                "我们在抖音小店",
                "宝宝，这款很适合你",
                "威武霸气的造型",
                "扣子是金属的",
                "唯一的区别是颜色",
                "首次下单立减",
                "这是我们的电话客服时间：9点到18点",
                "一件代发",
                "满三件打八折",
                "中国制造",
                "国家标准GB/T 2912",
                "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanReplies")
    void ordinaryRepliesStayClean(String text) {
        assertTrue(MATCHER.find(text).isEmpty(), () -> "unexpected: " + MATCHER.find(text));
    }

    private static Object[] evasion(String name, UnaryOperator<String> how) {
        return new Object[] {name, how};
    }

    private static String join(String s, String separator) {
        return String.join(separator, s.split(""));
    }

    private static String traditional(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            int at = CharFolding.TRADITIONAL.indexOf(c, 1);
            while (at > 0 && at % 2 == 0) at = CharFolding.TRADITIONAL.indexOf(c, at + 1);
            out.append(at > 0 ? CharFolding.TRADITIONAL.charAt(at - 1) : c);
        }
        return out.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        return out.toString();
    }
}
