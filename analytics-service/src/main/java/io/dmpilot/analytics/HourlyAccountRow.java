package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every hourly aggregate table shares. Rows are written by upserts on each table's unique key
 * (see {@link Aggregates}) and read by aggregate SQL; the key leads with the account.
 */
@MappedSuperclass
public abstract class HourlyAccountRow extends PanacheEntityBase {
    /** A surrogate: the natural key is the unique constraint, which the upserts name. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_open_id", length = 128, nullable = false)
    public String accountOpenId;

    @Column(name = "hour_start", nullable = false)
    public long hourStart;
}
