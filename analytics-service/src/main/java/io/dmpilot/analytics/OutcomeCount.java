package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How many messages of one account reached one {@link CountedOutcome}. Written by {@link OutcomeStore}.
 * The account index serves the REST read: Hibernate orders the key columns itself, outcome first.
 */
@Entity
@Table(name = "outcome_count", indexes = @Index(name = "outcome_count_account", columnList = "account_open_id"))
public class OutcomeCount extends PanacheEntityBase {
    @EmbeddedId
    public Key id;

    @Column(name = "count", nullable = false)
    public long count;

    public static Uni<List<OutcomeCount>> ofAccount(String accountOpenId) {
        return list("id.accountOpenId", accountOpenId);
    }

    /**
     * The outcome is a plain string column, not an enum one: Hibernate would add a check constraint listing
     * today's values, and schema update never widens it when a value is added.
     */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "account_open_id", length = 128)
        public String accountOpenId;

        @Column(name = "outcome", length = 32)
        public String outcome;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(accountOpenId, key.accountOpenId)
                    && Objects.equals(outcome, key.outcome);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountOpenId, outcome);
        }
    }
}
