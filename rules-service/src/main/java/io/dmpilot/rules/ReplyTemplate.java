package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
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

/** The text an account answers with in one scenario; may hold variables such as {@code {nickname}}. */
@Entity
@Table(name = "reply_template", uniqueConstraints = @UniqueConstraint(columnNames = {"account_open_id", "scenario"}))
public class ReplyTemplate extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_open_id", nullable = false, length = 128)
    public String accountOpenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Scenario scenario;

    @Column(nullable = false, length = 2000)
    public String text;

    public static Uni<List<ReplyTemplate>> ofAccount(String accountOpenId) {
        return list("accountOpenId", accountOpenId);
    }

    public static Uni<ReplyTemplate> of(String accountOpenId, Scenario scenario) {
        return find("accountOpenId = ?1 and scenario = ?2", accountOpenId, scenario)
                .firstResult();
    }
}
