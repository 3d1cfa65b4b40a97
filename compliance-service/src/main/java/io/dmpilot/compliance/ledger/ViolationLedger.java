package io.dmpilot.compliance.ledger;

import io.dmpilot.compliance.ComplianceConfig;
import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.LexiconCategory;
import io.dmpilot.contracts.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts blocked candidates per account and category (the penalty ladder reads the counts), and per rule: a
 * rule blocked {@code dmpilot.compliance.auto-disable-after} times is written to {@link DisabledRule} with
 * the reason, once per account and rule. Idempotent: a redelivered violation finds its rows and changes nothing.
 */
@ApplicationScoped
public class ViolationLedger {
    private final ComplianceConfig config;

    public ViolationLedger(ComplianceConfig config) {
        this.config = config;
    }

    /** Records the violation; emits the rule newly disabled by it, or null. */
    public Uni<DisabledRule> record(Violation violation) {
        Map<LexiconCategory, Finding> byCategory = new LinkedHashMap<>();
        violation.findings().forEach(f -> byCategory.putIfAbsent(f.category(), f));
        return Panache.withTransaction(() -> LedgerEntry.count("candidateId", violation.candidateId())
                .chain(seen -> seen > 0
                        ? Uni.createFrom().nullItem()
                        : Multi.createFrom()
                                .iterable(byCategory.values())
                                .onItem()
                                .transformToUniAndConcatenate(
                                        f -> entry(violation, f).persist())
                                .collect()
                                .last()
                                .chain(() -> disableIfDue(violation))));
    }

    private static LedgerEntry entry(Violation violation, Finding finding) {
        LedgerEntry entry = new LedgerEntry();
        entry.accountOpenId = violation.accountOpenId();
        entry.candidateId = violation.candidateId();
        entry.ruleId = violation.ruleId();
        entry.category = finding.category();
        entry.term = finding.term().length() > 200 ? finding.term().substring(0, 200) : finding.term();
        entry.at = violation.at();
        return entry;
    }

    private Uni<DisabledRule> disableIfDue(Violation violation) {
        String ruleId = violation.ruleId();
        if (ruleId == null || ruleId.isBlank()) return Uni.createFrom().nullItem();
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select count(distinct e.candidateId) from LedgerEntry e"
                                        + " where e.accountOpenId = :account and e.ruleId = :rule",
                                Long.class)
                        .setParameter("account", violation.accountOpenId())
                        .setParameter("rule", ruleId)
                        .getSingleResult())
                .chain(blocks -> blocks < config.autoDisableAfter()
                        ? Uni.createFrom().<DisabledRule>nullItem()
                        : DisabledRule.<DisabledRule>findById(DisabledRule.key(violation.accountOpenId(), ruleId))
                                .chain(existing -> existing != null
                                        ? Uni.createFrom().<DisabledRule>nullItem()
                                        : disabled(violation, blocks).persist()));
    }

    private static DisabledRule disabled(Violation violation, long blocks) {
        DisabledRule rule = new DisabledRule();
        rule.key = DisabledRule.key(violation.accountOpenId(), violation.ruleId());
        rule.ruleId = violation.ruleId();
        rule.accountOpenId = violation.accountOpenId();
        rule.blocks = blocks;
        Finding last = violation.findings().get(0);
        rule.reason = "template blocked " + blocks + " times; last for " + last.category() + " \""
                + abbreviate(last.term()) + "\"";
        rule.at = violation.at();
        return rule;
    }

    private static String abbreviate(String term) {
        return term.length() > 100 ? term.substring(0, 100) + "…" : term;
    }
}
