package io.dmpilot.rules;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.EngineMatch;
import io.dmpilot.rules.engine.EngineSelector;
import io.dmpilot.rules.engine.IntentIndex;
import io.dmpilot.rules.engine.IntentSpec;
import io.dmpilot.rules.engine.KeywordBook;
import io.dmpilot.rules.engine.MessageContext;
import io.dmpilot.rules.engine.TemplateVariantSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the reply to one user message: loads the account's rules, encodes the message off the event loop when
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

    public ReplyPlanner(
            RulesConfig config, ConversationState conversations, SentenceEmbedder embedder, ReplyWording wording) {
        this.candidates = new CandidateFactory(config.replyDeadline());
        this.conversations = conversations;
        this.embedder = embedder;
        this.wording = wording;
    }

    public Uni<ReplyCandidate> plan(InboundEvent inbound) {
        return Panache.withSession(() -> load(inbound.accountOpenId())).chain(loaded -> {
            if (loaded == null) {
                return Uni.createFrom()
                        .item(candidates.noMatch(inbound, null, "unknown-account", System.currentTimeMillis()));
            }
            return embedder.prepare(loaded.rules(), loaded.intents(), inbound.text())
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
                    .item(candidates.noMatch(inbound, rules.agencyId(), "no-rule-matched", System.currentTimeMillis()));
        }
        return worded(inbound, match.get())
                .chain(reply -> conversations
                        .countAutoReply(inbound)
                        .map(inARow -> candidates.reply(inbound, rules, reply, inARow, System.currentTimeMillis())));
    }

    /** A CUSTOM engine's reply, rendered and reworded by the LLM when that step is on; any other as it is. */
    private Uni<EngineMatch> worded(InboundEvent inbound, EngineMatch match) {
        if (match.tier() != Tier.CUSTOM || !wording.enabled())
            return Uni.createFrom().item(match);
        String rendered = candidates.render(match.template(), inbound);
        return wording.reword(inbound.text(), rendered).map(match::withTemplate);
    }

    private Uni<Loaded> load(String openId) {
        return Account.byOpenId(openId)
                .chain(account -> account == null
                        ? Uni.createFrom().nullItem()
                        : ReplyTemplate.ofAccount(openId)
                                .chain(templates -> keywordRules(account)
                                        .chain(rules -> TemplateVariant.ofAccount(openId)
                                                .map(variants -> toRules(account, templates, rules, variants))))
                                .chain(rules -> intents(account).map(intents -> new Loaded(rules, intents))));
    }

    /** Only a CUSTOM account's intents are read: no lower tier reaches the semantic engine (DESIGN §4). */
    private static Uni<List<IntentSpec>> intents(Account account) {
        return account.tier != Tier.CUSTOM
                ? Uni.createFrom().item(List.of())
                : SemanticIntent.enabledOfAccount(account.openId)
                        .map(intents ->
                                intents.stream().map(SemanticIntent::spec).toList());
    }

    private record Loaded(AccountRules rules, List<IntentSpec> intents) {}

    /** A BASIC account's rules are never read: its tier may not use them (DESIGN §4). */
    private static Uni<List<KeywordRule>> keywordRules(Account account) {
        return account.tier == Tier.BASIC
                ? Uni.createFrom().item(List.of())
                : KeywordRule.enabledOfAccount(account.openId);
    }

    private static AccountRules toRules(
            Account account, List<ReplyTemplate> templates, List<KeywordRule> rules, List<TemplateVariant> variants) {
        Map<Scenario, String> byScenario = new EnumMap<>(Scenario.class);
        templates.forEach(t -> byScenario.put(t.scenario, t.text));
        Map<Scenario, List<TemplateVariantSpec>> variantsByScenario = variants.stream()
                .collect(Collectors.groupingBy(
                        v -> v.scenario,
                        () -> new EnumMap<>(Scenario.class),
                        Collectors.mapping(TemplateVariant::spec, Collectors.toList())));
        KeywordBook keywords = KeywordBook.of(rules.stream()
                .filter(r -> r.templateText != null
                        || byScenario.containsKey(r.scenario)
                        || variantsByScenario.containsKey(r.scenario))
                .map(KeywordRule::spec)
                .toList());
        return new AccountRules(
                account.openId,
                account.agencyId,
                account.tier,
                account.crisisMode,
                byScenario,
                keywords,
                variantsByScenario,
                IntentIndex.EMPTY,
                account.businessHours());
    }
}
