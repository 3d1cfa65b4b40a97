package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stored {@link ConversationState}. Read with {@code FOR UPDATE} in the transaction of the event that
 * changes it: the five topics are consumed concurrently, and two of them may touch one conversation at once.
 */
@Entity
@Table(name = "conversation_state")
public class ConversationRow extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id", length = 300)
    public String conversationId;

    @Column(name = "last_user_at", nullable = false)
    public long lastUserAt;

    @Column(name = "last_sent_at", nullable = false)
    public long lastSentAt;

    @Column(name = "last_sent_hour", nullable = false)
    public long lastSentHour;

    @Column(name = "sent_scenario", length = 32, nullable = false)
    public String sentScenario;

    @Column(name = "sent_rule_id", length = 128, nullable = false)
    public String sentRuleId;

    @Column(name = "sent_variant", length = 64, nullable = false)
    public String sentVariant;

    @Column(name = "replied", nullable = false)
    public boolean replied;

    @Column(name = "converted", nullable = false)
    public boolean converted;

    @Column(name = "last_scenario", length = 32, nullable = false)
    public String lastScenario;

    /** Recent sends and user message times as JSON ({@code ConversationStates.History}); null in older rows. */
    @Column(name = "history", columnDefinition = "text")
    public String history;

    /** Kept so idle conversations can be pruned. */
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
