package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Tier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which engines an account's tier may use, tried in order: the first match wins. A lower tier never reaches
 * a higher tier's engine (DESIGN §4).
 */
public final class EngineSelector {
    private final Map<Tier, List<ReplyEngine>> engines = new EnumMap<>(Tier.class);

    public EngineSelector() {
        ReplyEngine fixed = new FixedReplyEngine();
        // the keyword (ADVANCED) and semantic (CUSTOM) engines join these lists as they are built
        engines.put(Tier.BASIC, List.of(fixed));
        engines.put(Tier.ADVANCED, List.of(fixed));
        engines.put(Tier.CUSTOM, List.of(fixed));
    }

    public Optional<EngineMatch> match(MessageContext message, AccountRules rules) {
        for (ReplyEngine engine : engines.get(rules.tier())) {
            Optional<EngineMatch> match = engine.match(message, rules);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
