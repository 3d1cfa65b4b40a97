package io.dmpilot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dmpilot.rules.ComplianceSuspensions.Target;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceSuspensionsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "acct-1/rule:42        | acct-1     | rule   | 42",
                "acct-1/intent:7       | acct-1     | intent | 7",
                "shop/eu/rule:3        | shop/eu    | rule   | 3",
                "acct-1/fixed:FALLBACK | null       | null   | 0",
                "acct-1/rule:x         | null       | null   | 0",
                "acct-1/rule:          | null       | null   | 0",
                "/rule:1               | null       | null   | 0",
                "rule:1                | null       | null   | 0",
                "acct-1                | null       | null   | 0",
            })
    void keysNameAnAccountAndOneOfItsRulesOrIntents(String key, String account, String kind, long id) {
        Optional<Target> parsed = Target.parse(key);

        assertEquals(account == null ? Optional.empty() : Optional.of(new Target(account, kind, id)), parsed);
    }
}
