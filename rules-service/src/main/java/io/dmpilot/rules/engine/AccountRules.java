package io.dmpilot.rules.engine;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.util.Map;
import java.util.Optional;

/** What the engines need to know of one account, detached from persistence. */
public record AccountRules(
        String accountOpenId, String agencyId, Tier tier, boolean crisisMode, Map<Scenario, String> templates) {

    public Optional<String> template(Scenario scenario) {
        return Optional.ofNullable(templates.get(scenario));
    }
}
