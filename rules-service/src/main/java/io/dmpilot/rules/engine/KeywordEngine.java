package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Tier;
import java.util.Optional;

/**
 * ADVANCED tier: keyword rules (seed §1, 关键词匹配回复). The winning rule answers with its own text or with
 * the account's template for the rule's scenario (its sticky A/B variant when the scenario has variants).
 */
public final class KeywordEngine implements ReplyEngine {
    @Override
    public Optional<EngineMatch> match(MessageContext message, AccountRules rules) {
        return rules.keywords().match(message.text()).flatMap(hit -> {
            var rule = hit.rule();
            Optional<ChosenTemplate> template = rule.templateText() != null
                    ? Optional.of(new ChosenTemplate(rule.scenario(), rule.templateText(), null))
                    : rules.template(rule.scenario(), message.userOpenId());
            return template.map(
                    chosen -> EngineMatch.of(Tier.ADVANCED, "rule:" + rule.id(), hit.matchedKeywords(), chosen));
        });
    }
}
