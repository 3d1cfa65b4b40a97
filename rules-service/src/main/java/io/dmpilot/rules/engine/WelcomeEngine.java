package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;
import java.util.Optional;

/**
 * A new follower's first message gets the welcome (seed §2, 欢迎语 + 福利领取 + 互动提问) whatever it says,
 * on every tier, when the account has a welcome template. It is a fixed reply, charged as BASIC.
 */
public final class WelcomeEngine implements ReplyEngine {
    @Override
    public Optional<EngineMatch> match(MessageContext message, AccountRules rules) {
        if (!message.firstMessage()) return Optional.empty();
        return rules.template(Scenario.WELCOME, message.userOpenId())
                .map(chosen -> EngineMatch.of(Tier.BASIC, "fixed:WELCOME", List.of(), chosen));
    }
}
