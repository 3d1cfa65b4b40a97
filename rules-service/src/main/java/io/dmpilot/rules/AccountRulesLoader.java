package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.IntentIndex;
import io.dmpilot.rules.engine.IntentSpec;
import io.dmpilot.rules.engine.KeywordBook;
import io.dmpilot.rules.engine.TemplateVariantSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads one account's configuration from PostgreSQL and compiles it for the engines. */
final class AccountRulesLoader {

    /** The account's rules and (CUSTOM only) its intents; {@code rules} is null for an unknown account. */
    record Loaded(AccountRules rules, List<IntentSpec> intents) {
        static final Loaded UNKNOWN = new Loaded(null, List.of());

        boolean known() {
            return rules != null;
        }
    }

    static Uni<Loaded> load(String openId) {
        return Panache.withSession(() -> Account.byOpenId(openId)
                .chain(account -> account == null
                        ? Uni.createFrom().item(Loaded.UNKNOWN)
                        : ReplyTemplate.ofAccount(openId)
                                .chain(templates -> keywordRules(account)
                                        .chain(rules -> TemplateVariant.ofAccount(openId)
                                                .map(variants -> toRules(account, templates, rules, variants))))
                                .chain(rules -> intents(account).map(intents -> new Loaded(rules, intents)))));
    }

    /** Only a CUSTOM account's intents are read: no lower tier reaches the semantic engine (DESIGN §4). */
    private static Uni<List<IntentSpec>> intents(Account account) {
        return account.tier != Tier.CUSTOM
                ? Uni.createFrom().item(List.of())
                : SemanticIntent.enabledOfAccount(account.openId)
                        .map(intents ->
                                intents.stream().map(SemanticIntent::spec).toList());
    }

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
                account.businessHours(),
                account.semanticThreshold);
    }

    private AccountRulesLoader() {}
}
