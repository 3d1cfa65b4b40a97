package io.dmpilot.analytics.funnel;

import io.dmpilot.analytics.HourlyAccountRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Messages of one account, hour and scenario/rule/variant that reached one funnel step or outcome.
 * Only the table's shape lives here: rows are added by upserts on the unique key (see
 * {@link io.dmpilot.analytics.Aggregates}) and read by aggregate SQL; the key leads with the account, so it
 * is also the index of every read.
 */
@Entity
@Table(
        name = "funnel_count",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "funnel_count_key",
                        columnNames = {"account_open_id", "hour_start", "scenario", "rule_id", "variant", "step"}))
public class FunnelCount extends HourlyAccountRow {
    @Column(name = "scenario", length = 32, nullable = false)
    public String scenario;

    @Column(name = "rule_id", length = 128, nullable = false)
    public String ruleId;

    @Column(name = "variant", length = 64, nullable = false)
    public String variant;

    /** A {@link FunnelStep} or a terminal outcome name (the outcome mix). */
    @Column(name = "step", length = 32, nullable = false)
    public String step;

    @Column(name = "count", nullable = false)
    public long count;
}
