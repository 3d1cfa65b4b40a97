package io.dmpilot.analytics.responsetime;

import io.dmpilot.analytics.HourlyAccountRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Exact response-time totals of one account, hour and tier.
 * Only the table's shape lives here: rows are added by upserts on the unique key (see
 * {@link io.dmpilot.analytics.Aggregates}) and read by aggregate SQL; the key leads with the account, so it
 * is also the index of every read.
 */
@Entity
@Table(
        name = "response_time_hour",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "response_time_hour_key",
                        columnNames = {"account_open_id", "hour_start", "tier"}))
public class ResponseTimeHour extends HourlyAccountRow {
    /** The tier whose engine produced the reply; empty when the outcome did not say. */
    @Column(name = "tier", length = 16, nullable = false)
    public String tier;

    @Column(name = "timed_count", nullable = false)
    public long timedCount;

    @Column(name = "total_millis", nullable = false)
    public long totalMillis;

    /** Exact, not read off the histogram: the 90 s share is a headline figure. */
    @Column(name = "within_window_count", nullable = false)
    public long withinWindowCount;

    @Column(name = "within_slo_count", nullable = false)
    public long withinSloCount;
}
