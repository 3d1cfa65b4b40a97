package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Running totals of one account's response times (sent replies only), from which the mean and the share
 * answered within 90 s follow. Sums, not a list of samples: a row per account however busy it is.
 */
@Entity
@Table(name = "response_time_total")
public class ResponseTimeTotal extends PanacheEntityBase {
    @Id
    @Column(name = "account_open_id", length = 128)
    public String accountOpenId;

    /** Sent replies with both timings; the divisor of the mean. */
    @Column(name = "timed_count", nullable = false)
    public long timedCount;

    @Column(name = "total_millis", nullable = false)
    public long totalMillis;

    @Column(name = "within_window_count", nullable = false)
    public long withinWindowCount;

    public static Uni<ResponseTimeTotal> ofAccount(String accountOpenId) {
        return findById(accountOpenId);
    }
}
