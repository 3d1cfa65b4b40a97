package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.rules.engine.TemplateVariantSpec;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.List;

/** An A/B variant of an account's template for one scenario; when a scenario has variants they replace it. */
@Entity
@Table(
        name = "template_variant",
        uniqueConstraints = @UniqueConstraint(columnNames = {"account_open_id", "scenario", "name"}))
public class TemplateVariant extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_open_id", nullable = false, length = 128)
    public String accountOpenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Scenario scenario;

    /** Recorded in each candidate's {@code variant}, so analytics compares variants by name. */
    @Column(nullable = false, length = 32)
    public String name;

    @Column(nullable = false, length = 2000)
    public String text;

    @Column(nullable = false)
    public int weight;

    public static Uni<List<TemplateVariant>> ofAccount(String accountOpenId) {
        return list("accountOpenId = ?1 order by scenario, name", accountOpenId);
    }

    public static Uni<List<TemplateVariant>> of(String accountOpenId, Scenario scenario) {
        return list("accountOpenId = ?1 and scenario = ?2 order by name", accountOpenId, scenario);
    }

    TemplateVariantSpec spec() {
        return new TemplateVariantSpec(name, text, weight);
    }
}
