package io.dmpilot.compliance.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The labelled texts both engines are scored and timed on: lexicon terms and contact details under the
 * evasions operators see (separators, emoji, full width, traditional characters, digit styles, homophones),
 * and ordinary shop replies that must stay clean, a few of them close to a term on purpose.
 */
public final class EvasionSet {
    public record Sample(String text, boolean violating) {}

    static final List<String> TERMS = List.of(
            "最便宜", "最低价", "全网第一", "国家级", "绝对保障", "史无前例", "独一无二", "加微信", "拼多多", "淘宝店", "私下交易", "包治百病", "稳赚不赔", "药到病除",
            "保本保息", "傻逼", "脑残", "狗东西");

    static final List<UnaryOperator<String>> EVASIONS = List.of(
            s -> s,
            s -> join(s, " "),
            s -> join(s, "-"),
            s -> join(s, "·"),
            s -> join(s, "*"),
            s -> join(s, "❤"),
            s -> join(s, "😀"),
            s -> join(s, "\u200b"),
            s -> join(s, "\u3000"),
            s -> join(s, "/"),
            EvasionSet::traditional,
            s -> join(traditional(s), " ✨ "));

    static final List<String> CONTACTS = List.of(
            "13800138000",
            "138 0013 8000",
            "1 3 8 - 0 0 1 3 - 8 0 0 0",
            "①③⑧⓪⓪①③⑧⓪⓪⓪",
            "１３８００１３８０００",
            "一三八零零一三八零零零",
            "壹叁捌零零壹叁捌零零零",
            "1️⃣3️⃣8️⃣0️⃣0️⃣1️⃣3️⃣8️⃣0️⃣0️⃣0️⃣",
            "微信abc123",
            "威❤信 abc123",
            "薇信abc12345",
            "v信：abcdef",
            "vx:abc12345",
            "ｖｘ ａｂｃ１２３４",
            "加薇 abcdef",
            "qq 123456789",
            "扣扣 123456789",
            "扣❤扣 ①②③④⑤⑥",
            "www.example.com",
            "https://t.cn/abc",
            "abc 点 com",
            "abc。com",
            "ABC．COM",
            "w w w . abc . c o m");

    static final List<String> CLEAN = List.of(
            "您好，感谢您的私信！我们已收到您的消息，稍后为您详细解答。",
            "这是我们第一次合作，请多关照",
            "第一天上新，欢迎选购",
            "第一批货已经发出",
            "最近上新了很多款",
            "最终价格以页面为准",
            "价格是100元",
            "满100元减20元",
            "订单号202311250001",
            "快递单号：SF1234567890",
            "加vip会员享受折扣",
            "usb接口",
            "微信支付和支付宝都可以",
            "版本v1.5已上线",
            "重量是3.5公斤",
            "便宜又实惠",
            "我们保障售后服务",
            "退款流程：进入订单页申请",
            "这款连衣裙今天有优惠",
            "感谢支持，祝您生活愉快",
            "尺寸偏小，建议拍大一码",
            "发货时间是48小时内",
            "收到货有问题随时联系客服",
            "支持七天无理由退货",
            "可以开发票",
            "颜色有红、蓝、白三种",
            "我们在抖音小店",
            "宝宝，这款很适合你",
            "威武霸气的造型",
            "扣子是金属的",
            "唯一的区别是颜色",
            "首次下单立减",
            "满三件打八折",
            "国家标准GB/T 2912",
            "生日快乐，祝您幸运",
            "这款适合游戏机玩家",
            "亲，链接在橱窗里",
            "面料是纯棉的，洗了不变形",
            "今天下单明天到",
            "这个颜色显白");

    public static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String term : TERMS) {
            for (UnaryOperator<String> evasion : EVASIONS)
                samples.add(new Sample("您好，" + evasion.apply(term) + "哦", true));
        }
        for (String contact : CONTACTS) samples.add(new Sample("详情" + contact + "联系", true));
        for (String clean : CLEAN) samples.add(new Sample(clean, false));
        return samples;
    }

    /** Just the texts, for the throughput benchmark. */
    public static List<String> texts() {
        return samples().stream().map(Sample::text).toList();
    }

    private static String join(String s, String separator) {
        return String.join(separator, s.split(""));
    }

    private static final String TRADITIONAL = "價价網网絕绝對对國国級级寶宝獨独無无與与賺赚賠赔療疗藥药醫医傳传東东";

    private static String traditional(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            int at = TRADITIONAL.indexOf(c);
            out.append(at > 0 && at % 2 == 1 ? TRADITIONAL.charAt(at - 1) : c);
        }
        return out.toString();
    }

    private EvasionSet() {}
}
