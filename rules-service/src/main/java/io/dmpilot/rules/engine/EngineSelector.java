package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Tier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which engines an account's tier may use, tried in order: the first match wins. A lower tier never reaches
 * a higher tier's engine (DESIGN §4). Crisis mode answers from the crisis template before any engine runs;
 * outside business hours the off-hours template answers before the others. A CUSTOM message the semantic
 * engine cannot place with confidence falls back to the keyword rules, then to the fixed reply.
 */
public final class EngineSelector {
    private final Map<Tier, List<ReplyEngine>> engines = new EnumMap<>(Tier.class);
    private final ReplyEngine fixed = new FixedReplyEngine();

    public EngineSelector() {
        ReplyEngine offHours = new OffHoursEngine();
        ReplyEngine welcome = new WelcomeEngine();
        ReplyEngine keywords = new KeywordEngine();
        ReplyEngine semantic = new SemanticEngine();
        engines.put(Tier.BASIC, List.of(offHours, welcome, fixed));
        engines.put(Tier.ADVANCED, List.of(offHours, welcome, keywords, fixed));
        engines.put(Tier.CUSTOM, List.of(offHours, welcome, semantic, keywords, fixed));
    }

    public Optional<EngineMatch> match(MessageContext message, AccountRules rules) {
        if (rules.crisisMode()) {
            return fixed.match(message, rules);
        }
        for (ReplyEngine engine : engines.get(rules.tier())) {
            Optional<EngineMatch> match = engine.match(message, rules);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * What the account's engines answer at a tier cheaper than {@code primary}'s, for dispatch to send when the
     * primary's quota is used up: a CUSTOM reply falls back to the keyword rules or the fixed reply, an ADVANCED
     * one to the fixed reply. Empty for a BASIC reply and in crisis mode (the crisis template is the answer).
     */
    public Optional<EngineMatch> fallback(EngineMatch primary, MessageContext message, AccountRules rules) {
        if (rules.crisisMode() || primary.tier() == Tier.BASIC) return Optional.empty();
        for (ReplyEngine engine : engines.get(rules.tier())) {
            Optional<EngineMatch> match = engine.match(message, rules);
            if (match.isPresent() && match.get().tier().compareTo(primary.tier()) < 0) {
                return match;
            }
        }
        return Optional.empty();
    }
}
