package io.dmpilot.compliance.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.compliance.account.AccountPolicy;
import io.dmpilot.compliance.lexicon.InboundSignals;
import io.dmpilot.contracts.HandoffReason;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one decision behind both the hand-off and the held reply: a signal, under the account's policy. */
class InboundScreenTest {
    private static final InboundSignals SIGNALS = InboundSignals.fromClasspath("lexicon/inbound-signals.tsv");

    @ParameterizedTest(name = "{0} with policy [{1}] → signal {2}, hands off {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the default policy hands off every screened reason
                "我真的不想活了 | CRISIS,HARASSMENT,COMPLAINT | CRISIS | true",
                "再不退款我弄死你 | CRISIS,HARASSMENT,COMPLAINT | HARASSMENT | true",
                "我要投诉你们 | CRISIS,HARASSMENT,COMPLAINT | COMPLAINT | true",
                "不-想-活-了 | CRISIS,HARASSMENT,COMPLAINT | CRISIS | true",
                // an account that keeps complaints (and threats) itself
                "我要投诉你们 | CRISIS | COMPLAINT | false",
                "你给我等着 | CRISIS | HARASSMENT | false",
                "我要投诉，不然我就跳楼 | CRISIS | CRISIS | true",
                // an account that hands off nothing
                "我想自杀 | '' | CRISIS | false",
                // no signal: nothing to hand off, whatever the policy
                "这款还有货吗 | CRISIS,HARASSMENT,COMPLAINT | NONE | false",
                "想死你了 | CRISIS,HARASSMENT,COMPLAINT | NONE | false",
                "第一次买，价格100元 | CRISIS,HARASSMENT,COMPLAINT | NONE | false",
                "'' | CRISIS,HARASSMENT,COMPLAINT | NONE | false",
            })
    void aSignalHandsOffOnlyWhenTheAccountPolicyHandsOffItsReason(
            String text, String reasons, String signal, boolean handsOff) {
        InboundScreen.Screening screening = InboundScreen.decide(SIGNALS.strongest(text), policy(reasons));

        assertEquals(signal, screening.signal().map(s -> s.reason().name()).orElse("NONE"));
        assertEquals(handsOff, screening.handsOff());
        assertEquals(false, screening.switchesToCrisis(), "no crisis reply, no switch");
    }

    @ParameterizedTest(name = "{0} with a crisis reply → switches {1}, hands off {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "我真的不想活了 | true | false",
                "我要投诉，不然我就跳楼 | true | false",
                "再不退款我弄死你 | false | true",
                "我要投诉你们 | false | true",
                "这款还有货吗 | false | false",
            })
    void underACrisisReplyACrisisSwitchesTheConversationInsteadOfHandingItOff(
            String text, boolean switches, boolean handsOff) {
        AccountPolicy policy = new AccountPolicy(Set.of(), AccountPolicy.SCREENED, "我们很关心你，请拨打心理援助热线");

        InboundScreen.Screening screening = InboundScreen.decide(SIGNALS.strongest(text), policy);

        assertEquals(switches, screening.switchesToCrisis());
        assertEquals(handsOff, screening.handsOff());
    }

    private static AccountPolicy policy(String reasons) {
        Set<HandoffReason> set = Arrays.stream(reasons.split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .map(HandoffReason::valueOf)
                .collect(Collectors.toSet());
        return new AccountPolicy(Set.of(), set, null);
    }
}
