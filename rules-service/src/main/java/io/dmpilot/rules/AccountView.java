package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An account as the API shows it; {@code semanticThreshold} null means the deployment's default. */
public record AccountView(
        String openId,
        String agencyId,
        String name,
        Tier tier,
        boolean crisisMode,
        Map<Scenario, String> templates,
        String timeZone,
        LocalTime opensAt,
        LocalTime closesAt,
        Double semanticThreshold) {
    static AccountView of(Account account, List<ReplyTemplate> templates) {
        Map<Scenario, String> byScenario = new TreeMap<>();
        templates.forEach(t -> byScenario.put(t.scenario, t.text));
        return new AccountView(
                account.openId,
                account.agencyId,
                account.name,
                account.tier,
                account.crisisMode,
                byScenario,
                account.businessHours().zone().getId(),
                account.opensAt,
                account.closesAt,
                account.semanticThreshold);
    }
}
