package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.rules.engine.IntentSpec;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.List;

/** A CUSTOM account's intent: example phrases whose meaning selects a scenario's reply. */
@Entity
@Table(name = "semantic_intent", indexes = @Index(name = "semantic_intent_account", columnList = "account_open_id"))
public class SemanticIntent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_open_id", nullable = false, length = 128)
    public String accountOpenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Scenario scenario;

    /** One phrase per line. */
    @Convert(converter = WordListConverter.class)
    @Column(nullable = false, length = 16000)
    public List<String> examples;

    /** The intent's own reply; null answers with the account's template for {@link #scenario}. */
    @Column(name = "template_text", length = 2000)
    public String templateText;

    @Column(nullable = false)
    public boolean enabled;

    /** Set when compliance-service switched the rule off, so the operator sees why; cleared by any edit. */
    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    public static Uni<List<SemanticIntent>> enabledOfAccount(String accountOpenId) {
        return list("accountOpenId = ?1 and enabled = true order by id", accountOpenId);
    }

    public static Uni<SemanticIntent> of(String accountOpenId, long id) {
        return find("accountOpenId = ?1 and id = ?2", accountOpenId, id).firstResult();
    }

    IntentSpec spec() {
        return new IntentSpec(String.valueOf(id), scenario, examples, templateText);
    }
}
