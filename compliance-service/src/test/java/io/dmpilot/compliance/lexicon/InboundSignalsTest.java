package io.dmpilot.compliance.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundSignalsTest {
    private static final InboundSignals SIGNALS = InboundSignals.fromClasspath("lexicon/inbound-signals.tsv");

    @ParameterizedTest(name = "{0} → {1} \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                // crisis: self-harm
                "我真的不想活了 | CRISIS | 不想活了",
                "活着没意思，想一了百了 | CRISIS | 活着没意思",
                "我想自杀 | CRISIS | 自杀",
                "今晚就去跳楼 | CRISIS | 跳楼",
                "买了一瓶安眠药，吃安眠药算了 | CRISIS | 吃安眠药",
                "我要结束自己的生命 | CRISIS | 结束自己的生命",
                "不 想 活 了 | CRISIS | 不 想 活 了",
                "不-想-活-了 | CRISIS | 不-想-活-了",
                "不❤想❤活❤了 | CRISIS | 不❤想❤活❤了",
                "我想自殺 | CRISIS | 自殺",
                "想死 | CRISIS | 想死",
                // harassment: threats and abuse
                "再不退款我弄死你 | HARASSMENT | 弄死你",
                "小心我杀了你 | HARASSMENT | 杀了你",
                "你给我等着 | HARASSMENT | 你给我等着",
                "你们死全家 | HARASSMENT | 死全家",
                "傻 逼客服 | HARASSMENT | 傻 逼",
                "ＣＮＭ | HARASSMENT | ＣＮＭ",
                "cnm | HARASSMENT | cnm",
                "炸了你们的店 | HARASSMENT | 炸了你们",
                // complaint: legal and regulatory escalation
                "我要投诉你们 | COMPLAINT | 投诉",
                "我去12315告你们 | COMPLAINT | 12315",
                "已经打了１２３１５ | COMPLAINT | １２３１５",
                "我要去消协 | COMPLAINT | 消协",
                "找市场监管局 | COMPLAINT | 市场监管局",
                "我要举报 | COMPLAINT | 举报",
                "准备起诉你们 | COMPLAINT | 起诉",
                "等着收律师函吧 | COMPLAINT | 律师函",
                "法院见 | COMPLAINT | 法院见",
                "我要报警 | COMPLAINT | 报警",
                "投 诉 | COMPLAINT | 投 诉",
                "我要投訴 | COMPLAINT | 投訴",
                // several: the most urgent reason wins
                "我要投诉，不然我就跳楼 | CRISIS | 跳楼",
                "投诉！我弄死你 | HARASSMENT | 弄死你",
                "cnm，我不想活了 | CRISIS | 不想活了",
            })
    void signalsAreFoundThroughEvasionsAndTheMostUrgentWins(String text, String reason, String phrase) {
        InboundSignals.Signal signal = SIGNALS.strongest(text).orElseThrow(() -> new AssertionError(text));

        assertEquals(reason, signal.reason().name());
        assertEquals(phrase, signal.phrase());
        assertEquals(phrase, text.substring(signal.start(), signal.end()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "在吗，这款还有货吗",
                "价格多少",
                "我想退货，怎么退",
                "想死你了，好久没上新",
                "亲，想死我了",
                "笑死，太好看了",
                "这个价格要杀价吗",
                "不用投诉，已经解决了",
                "快递单号 812315667",
                "订单12315678",
                "活动什么时候结束",
                "生命在于运动",
                "包装打开了还能退吗",
                "我给你等会儿回复",
                "scnm 型号",
                "''",
            })
    void ordinaryMessagesRaiseNoSignal(String text) {
        Optional<InboundSignals.Signal> signal = SIGNALS.strongest(text);

        assertTrue(signal.isEmpty(), () -> text + " → " + signal);
    }
}
