package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;
import java.util.Optional;

/**
 * Outside the account's business hours the off-hours template answers (seed §4, 非工作时间), on every tier,
 * when the account has one. A fixed reply, charged as BASIC.
 */
public final class OffHoursEngine implements ReplyEngine {
    @Override
    public Optional<EngineMatch> match(MessageContext message, AccountRules rules) {
        if (!message.offHours()) return Optional.empty();
        return rules.template(Scenario.OFF_HOURS, message.userOpenId())
                .map(chosen -> EngineMatch.of(Tier.BASIC, "fixed:OFF_HOURS", List.of(), chosen));
    }
}
