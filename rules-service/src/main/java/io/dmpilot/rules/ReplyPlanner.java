package io.dmpilot.rules;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.EngineMatch;
import io.dmpilot.rules.engine.EngineSelector;
import io.dmpilot.rules.engine.MessageContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides the reply to one user message: takes the account's compiled rules from the cache, encodes the message off the event loop when
 * the account is CUSTOM, asks Redis whether the user is new, runs its tier's engines, optionally rewords a
 * CUSTOM reply, and counts the automatic reply in the conversation.
 */
@ApplicationScoped
public class ReplyPlanner {
    private final EngineSelector engines = new EngineSelector();
    private final CandidateFactory candidates;
    private final ConversationState conversations;
    private final SentenceEmbedder embedder;
    private final ReplyWording wording;

    private final AccountRulesCache cache;

    public ReplyPlanner(
            RulesConfig config,
            AccountRulesCache cache,
            ConversationState conversations,
            SentenceEmbedder embedder,
            ReplyWording wording) {
        this.cache = cache;
        this.candidates = new CandidateFactory(config.replyDeadline());
        this.conversations = conversations;
        this.embedder = embedder;
        this.wording = wording;
    }

    public Uni<ReplyCandidate> plan(InboundEvent inbound) {
        return cache.get(inbound.accountOpenId()).chain(loaded -> {
            if (!loaded.known()) {
                return Uni.createFrom()
                        .item(candidates.noMatch(inbound, null, "unknown-account", null, System.currentTimeMillis()));
            }
            return embedder.prepare(loaded.rules(), loaded.intents(), inbound.text(), inbound.receivedAt())
                    .chain(prepared ->
                            conversations.firstMessage(inbound).chain(first -> decide(inbound, prepared, first)));
        });
    }

    private Uni<ReplyCandidate> decide(InboundEvent inbound, SentenceEmbedder.Prepared prepared, boolean firstMessage) {
        AccountRules rules = prepared.rules();
        boolean offHours = !rules.hours().isOpen(Instant.ofEpochMilli(inbound.receivedAt()));
        MessageContext message = new MessageContext(
                inbound.text(),
                inbound.userNickname(),
                inbound.userOpenId(),
                firstMessage,
                offHours,
                prepared.embedding());
        Optional<EngineMatch> match = engines.match(message, rules);
        if (match.isEmpty()) {
            return Uni.createFrom()
                    .item(candidates.noMatch(
                            inbound,
                            rules.agencyId(),
                            "no-rule-matched",
                            prepared.degraded(),
                            System.currentTimeMillis()));
        }
        Optional<EngineMatch> fallback = engines.fallback(match.get(), message, rules);
        return worded(inbound, match.get())
                .chain(reply -> conversations
                        .countAutoReply(inbound)
                        .map(inARow -> candidates.reply(
                                inbound,
                                rules,
                                reply,
                                fallback,
                                offHours,
                                inARow,
                                prepared.degraded(),
                                System.currentTimeMillis())));
    }

    /** A CUSTOM engine's reply, rendered and reworded by the LLM when that step is on; any other as it is. */
    private Uni<EngineMatch> worded(InboundEvent inbound, EngineMatch match) {
        if (match.tier() != Tier.CUSTOM || !wording.enabled())
            return Uni.createFrom().item(match);
        String rendered = candidates.render(match.template(), inbound);
        return wording.reword(inbound.text(), rendered).map(match::withTemplate);
    }
}
