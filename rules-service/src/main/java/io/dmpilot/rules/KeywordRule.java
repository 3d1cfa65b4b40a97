package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.rules.engine.KeywordRuleSpec;
import io.dmpilot.rules.engine.MatchMode;
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

/** An ADVANCED account's keyword rule: when its keywords appear (and no exclusion does), answer. */
@Entity
@Table(name = "keyword_rule", indexes = @Index(name = "keyword_rule_account", columnList = "account_open_id"))
public class KeywordRule extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_open_id", nullable = false, length = 128)
    public String accountOpenId;

    /** Higher wins when several rules match one message. */
    @Column(nullable = false)
    public int priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_mode", nullable = false, length = 16)
    public MatchMode matchMode;

    @Convert(converter = WordListConverter.class)
    @Column(nullable = false, length = 8000)
    public List<String> keywords;

    @Convert(converter = WordListConverter.class)
    @Column(nullable = false, length = 8000)
    public List<String> exclusions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Scenario scenario;

    /** The rule's own reply; null answers with the account's template for {@link #scenario}. */
    @Column(name = "template_text", length = 2000)
    public String templateText;

    @Column(nullable = false)
    public boolean enabled;

    /** Set when compliance-service switched the rule off, so the operator sees why; cleared by any edit. */
    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    public static Uni<List<KeywordRule>> ofAccount(String accountOpenId) {
        return list("accountOpenId = ?1 order by priority desc, id", accountOpenId);
    }

    public static Uni<List<KeywordRule>> enabledOfAccount(String accountOpenId) {
        return list("accountOpenId = ?1 and enabled = true", accountOpenId);
    }

    public static Uni<KeywordRule> of(String accountOpenId, long id) {
        return find("accountOpenId = ?1 and id = ?2", accountOpenId, id).firstResult();
    }

    KeywordRuleSpec spec() {
        return new KeywordRuleSpec(
                String.valueOf(id), priority, matchMode, keywords, exclusions, scenario, templateText);
    }
}
