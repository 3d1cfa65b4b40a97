package io.dmpilot.compliance.ledger;

import io.dmpilot.contracts.LexiconCategory;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One blocked candidate in one category. Unique per (candidate, category), so a redelivered candidate is
 * not counted twice.
 */
@Entity
@Table(
        name = "ledger_entry",
        uniqueConstraints = @UniqueConstraint(columnNames = {"candidate_id", "category"}),
        indexes = {@Index(columnList = "account_open_id"), @Index(columnList = "rule_id")})
public class LedgerEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_open_id", nullable = false, length = 128)
    public String accountOpenId;

    @Column(name = "candidate_id", nullable = false, length = 128)
    public String candidateId;

    @Column(name = "rule_id", length = 128)
    public String ruleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public LexiconCategory category;

    @Column(nullable = false, length = 200)
    public String term;

    @Column(nullable = false)
    public long at;
}
