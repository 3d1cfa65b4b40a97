package io.dmpilot.compliance.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A rule of one account whose template compliance blocked too often, and why: what the operator is told.
 * Keyed by account and rule, since rule ids such as {@code fixed:FALLBACK} repeat across accounts.
 */
@Entity
@Table(name = "disabled_rule")
public class DisabledRule extends PanacheEntityBase {
    @Id
    @Column(name = "rule_key", length = 260)
    public String key;

    @Column(name = "rule_id", nullable = false, length = 128)
    public String ruleId;

    @Column(name = "account_open_id", nullable = false, length = 128)
    public String accountOpenId;

    @Column(nullable = false)
    public long blocks;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(nullable = false)
    public long at;

    public static String key(String accountOpenId, String ruleId) {
        return accountOpenId + "/" + ruleId;
    }
}
