package io.dmpilot.analytics.keywords;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;

/**
 * How often a rule keyword triggered a reply candidate of one account on one day.
 * Only the table's shape lives here: rows are added by upserts on the unique key (see
 * {@link io.dmpilot.analytics.Aggregates}) and read by aggregate SQL; the key leads with the account, so it
 * is also the index of every read.
 */
@Entity
@Table(
        name = "rule_keyword_count",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "rule_keyword_count_key",
                        columnNames = {"account_open_id", "day", "rule_id", "keyword"}))
public class RuleKeywordCount extends PanacheEntityBase {
    /** A surrogate: the natural key is the unique constraint, which the upserts name. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_open_id", length = 128, nullable = false)
    public String accountOpenId;

    @Column(name = "day", nullable = false)
    public LocalDate day;

    @Column(name = "rule_id", length = 128, nullable = false)
    public String ruleId;

    @Column(name = "keyword", length = 128, nullable = false)
    public String keyword;

    @Column(name = "count", nullable = false)
    public long count;
}
