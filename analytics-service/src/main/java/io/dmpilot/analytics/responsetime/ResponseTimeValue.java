package io.dmpilot.analytics.responsetime;

import io.dmpilot.analytics.HourlyAccountRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * The response-time distribution of one account, hour and tier as HdrHistogram buckets: additive in SQL, rebuilt into a histogram for percentiles.
 * Only the table's shape lives here: rows are added by upserts on the unique key (see
 * {@link io.dmpilot.analytics.Aggregates}) and read by aggregate SQL; the key leads with the account, so it
 * is also the index of every read.
 */
@Entity
@Table(
        name = "response_time_value",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "response_time_value_key",
                        columnNames = {"account_open_id", "hour_start", "tier", "value_millis"}))
public class ResponseTimeValue extends HourlyAccountRow {
    @Column(name = "tier", length = 16, nullable = false)
    public String tier;

    /** The lowest value of the HdrHistogram bucket the response time fell in. */
    @Column(name = "value_millis", nullable = false)
    public long valueMillis;

    @Column(name = "count", nullable = false)
    public long count;
}
