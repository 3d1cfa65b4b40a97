package io.dmpilot.compliance.ledger;

import io.dmpilot.compliance.ledger.PenaltyTable.Penalty;
import io.dmpilot.compliance.ledger.PenaltyTable.Risk;
import io.dmpilot.contracts.LexiconCategory;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.auth.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an account's blocked replies would have cost it on the platform, and the rules disabled for it. Another
 * agency's account answers like a missing one (docs/SECURITY.md).
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/compliance/accounts/{openId}/risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {
    public record OffenceView(
            LexiconCategory category,
            String offence,
            long count,
            Penalty penalty,
            Penalty nextPenalty,
            String lastTerm) {}

    public record DisabledRuleView(String ruleId, long blocks, String reason, long at) {}

    public record RiskView(
            String accountOpenId, Risk risk, List<OffenceView> offences, List<DisabledRuleView> disabledRules) {}

    private final AccountAccess access;

    public RiskResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    public Uni<RiskView> risk(@PathParam("openId") String openId) {
        return access.requireVisible(openId)
                .chain(() -> Panache.withSession(() -> LedgerEntry.<LedgerEntry>list(
                                "accountOpenId = ?1 order by at", openId)
                        .chain(entries -> DisabledRule.<DisabledRule>list("accountOpenId", openId)
                                .map(disabled -> view(openId, entries, disabled)))));
    }

    static RiskView view(String openId, List<LedgerEntry> entries, List<DisabledRule> disabled) {
        Map<LexiconCategory, long[]> counts = new EnumMap<>(LexiconCategory.class);
        Map<LexiconCategory, String> lastTerm = new EnumMap<>(LexiconCategory.class);
        for (LedgerEntry entry : entries) {
            counts.computeIfAbsent(entry.category, c -> new long[1])[0]++;
            lastTerm.put(entry.category, entry.term);
        }
        List<OffenceView> offences = new ArrayList<>();
        Penalty worst = Penalty.NONE;
        for (Map.Entry<LexiconCategory, long[]> e : counts.entrySet()) {
            long count = e.getValue()[0];
            Penalty penalty = PenaltyTable.penaltyAt(e.getKey(), count);
            if (penalty.severity() > worst.severity()) worst = penalty;
            offences.add(new OffenceView(
                    e.getKey(),
                    PenaltyTable.offence(e.getKey()),
                    count,
                    penalty,
                    PenaltyTable.penaltyAt(e.getKey(), count + 1),
                    lastTerm.get(e.getKey())));
        }
        List<DisabledRuleView> rules = disabled.stream()
                .map(d -> new DisabledRuleView(d.ruleId, d.blocks, d.reason, d.at))
                .toList();
        return new RiskView(openId, PenaltyTable.riskOf(worst), offences, rules);
    }
}
