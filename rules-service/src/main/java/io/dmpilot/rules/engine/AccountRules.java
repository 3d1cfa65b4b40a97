package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engines need to know of one account, detached from persistence.
 *
 * @param keywords the account's compiled keyword rules; only engines of ADVANCED and above read them
 * @param variants A/B variants per scenario; when a scenario has some they replace its template
 * @param intents the account's semantic intents with their example vectors; only the CUSTOM engine reads them
 * @param semanticThreshold the account's own threshold for its intents; null is the deployment's default
 */
public record AccountRules(
        String accountOpenId,
        String agencyId,
        Tier tier,
        boolean crisisMode,
        Map<Scenario, String> templates,
        KeywordBook keywords,
        Map<Scenario, List<TemplateVariantSpec>> variants,
        IntentIndex intents,
        BusinessHours hours,
        Double semanticThreshold) {

    public AccountRules(
            String accountOpenId,
            String agencyId,
            Tier tier,
            boolean crisisMode,
            Map<Scenario, String> templates,
            KeywordBook keywords,
            Map<Scenario, List<TemplateVariantSpec>> variants) {
        this(
                accountOpenId,
                agencyId,
                tier,
                crisisMode,
                templates,
                keywords,
                variants,
                IntentIndex.EMPTY,
                BusinessHours.ALWAYS,
                null);
    }

    public AccountRules(
            String accountOpenId, String agencyId, Tier tier, boolean crisisMode, Map<Scenario, String> templates) {
        this(accountOpenId, agencyId, tier, crisisMode, templates, KeywordBook.EMPTY, Map.of());
    }

    public AccountRules(
            String accountOpenId,
            String agencyId,
            Tier tier,
            boolean crisisMode,
            Map<Scenario, String> templates,
            KeywordBook keywords) {
        this(accountOpenId, agencyId, tier, crisisMode, templates, keywords, Map.of());
    }

    public AccountRules withIntents(IntentIndex index) {
        return new AccountRules(
                accountOpenId,
                agencyId,
                tier,
                crisisMode,
                templates,
                keywords,
                variants,
                index,
                hours,
                semanticThreshold);
    }

    /** The threshold this account's intents must reach: its own, else {@code deploymentDefault}. */
    public double semanticThresholdOr(double deploymentDefault) {
        return semanticThreshold != null ? semanticThreshold : deploymentDefault;
    }

    public Optional<String> template(Scenario scenario) {
        return Optional.ofNullable(templates.get(scenario));
    }

    /** The scenario's reply for this user: their sticky variant if the scenario has variants, else the template. */
    public Optional<ChosenTemplate> template(Scenario scenario, String userOpenId) {
        Optional<ChosenTemplate> variant = VariantPicker.pick(
                        variants.getOrDefault(scenario, List.of()), userOpenId, accountOpenId + "|" + scenario)
                .map(v -> new ChosenTemplate(scenario, v.text(), v.name()));
        return variant.or(() -> template(scenario).map(text -> new ChosenTemplate(scenario, text, null)));
    }
}
