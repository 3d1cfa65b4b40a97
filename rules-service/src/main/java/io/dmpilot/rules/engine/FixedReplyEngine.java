package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;
import java.util.Optional;

/**
 * BASIC tier: one fixed reply whatever the user wrote (seed §1, 固定话术回复). In crisis mode the crisis
 * template replaces it at once.
 */
public final class FixedReplyEngine implements ReplyEngine {
    @Override
    public Optional<EngineMatch> match(MessageContext message, AccountRules rules) {
        Scenario scenario = rules.crisisMode() ? Scenario.CRISIS : Scenario.FALLBACK;
        return rules.template(scenario, message.userOpenId())
                .map(chosen -> EngineMatch.of(Tier.BASIC, "fixed:" + scenario.name(), List.of(), chosen));
    }
}
