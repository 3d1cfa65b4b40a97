package io.dmpilot.analytics.degraded;

import io.dmpilot.analytics.HourlyAccountRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * How many of one account's replies rules-service planned with a cheaper engine than the account's own under
 * load, by why and by the tier that answered instead. Only the table's shape lives here: rows are added by
 * upserts on the unique key (see {@link io.dmpilot.analytics.Aggregates}) and read by aggregate SQL.
 */
@Entity
@Table(
        name = "degraded_count",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "degraded_count_key",
                        columnNames = {"account_open_id", "hour_start", "tier", "reason"}))
public class DegradedCount extends HourlyAccountRow {
    /** The tier whose engine answered instead; empty when nothing did (the message went unmatched). */
    @Column(name = "tier", length = 16, nullable = false)
    public String tier;

    @Column(name = "reason", length = 64, nullable = false)
    public String reason;

    @Column(name = "count", nullable = false)
    public long count;
}
