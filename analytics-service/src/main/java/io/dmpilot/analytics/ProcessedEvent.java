package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event already counted. Inserted in the transaction that counts it, so a redelivered record finds its
 * row and counts nothing. The table is written by {@link OutcomeStore}'s SQL; the entity gives its schema.
 */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {
    /** {@link CountableEvent#eventKey()}: topic plus the event's own id. */
    @Id
    @Column(name = "event_id", length = 300)
    public String eventId;

    /** Kept so old rows can be pruned once redelivery of them is no longer possible. */
    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
