package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Tier;
import java.util.List;
import java.util.Optional;

/**
 * CUSTOM tier: semantic intent (seed §1, 定制化语义理解). The message's sentence embedding, computed before the
 * engines run, is compared with every example phrase of the account's intents; the nearest intent answers when
 * it is similar enough, otherwise the keyword rules get their turn. The score is the cosine similarity.
 */
public final class SemanticEngine implements ReplyEngine {
    @Override
    public Optional<EngineMatch> match(MessageContext message, AccountRules rules) {
        if (message.embedding() == null) return Optional.empty();
        return rules.intents().match(message.embedding()).flatMap(hit -> {
            IntentSpec intent = hit.intent();
            Optional<ChosenTemplate> template = intent.templateText() != null
                    ? Optional.of(new ChosenTemplate(intent.scenario(), intent.templateText(), null))
                    : rules.template(intent.scenario(), message.userOpenId());
            return template.map(chosen -> new EngineMatch(
                    Tier.CUSTOM,
                    chosen.scenario(),
                    "intent:" + intent.id(),
                    chosen.text(),
                    List.of(hit.example()),
                    hit.score(),
                    chosen.variant()));
        });
    }
}
