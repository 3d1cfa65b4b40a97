package io.dmpilot.rules;

import io.dmpilot.contracts.Tier;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.rules.engine.BusinessHours;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;

/** A Douyin enterprise account served by an agency. Its tier decides which reply engines it may use. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    /** The account's Douyin open id: the platform's identifier, stable, and the key of every event. */
    @Id
    @Column(name = "open_id", length = 128)
    public String openId;

    @Column(name = "agency_id", nullable = false, length = 64)
    public String agencyId;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Tier tier;

    @Column(name = "crisis_mode", nullable = false)
    public boolean crisisMode;

    /** IANA zone of the business hours; null is Asia/Shanghai. */
    @Column(name = "time_zone", length = 64)
    public String timeZone;

    /** Business hours in {@link #timeZone}; either null means always open. */
    @Column(name = "opens_at")
    public LocalTime opensAt;

    @Column(name = "closes_at")
    public LocalTime closesAt;

    /** Cosine similarity a CUSTOM intent must reach on this account; null is the deployment's default. */
    @Column(name = "semantic_threshold")
    public Double semanticThreshold;

    public static Uni<Account> byOpenId(String openId) {
        return findById(openId);
    }

    /**
     * The account if the caller's agency may see it. Another agency's account answers exactly like a missing
     * one, so open ids cannot be probed (docs/SECURITY.md).
     */
    public static Uni<Account> visible(String openId, AgencyScope scope) {
        return byOpenId(openId).invoke(account -> {
            if (account == null || !scope.sees(account.agencyId)) {
                throw ProblemException.notFound("no account " + openId);
            }
        });
    }

    /** The account, or a 404 problem. */
    public static Uni<Account> required(String openId) {
        return byOpenId(openId).invoke(account -> {
            if (account == null) throw ProblemException.notFound("no account " + openId);
        });
    }

    public BusinessHours businessHours() {
        return BusinessHours.of(timeZone, opensAt, closesAt);
    }
}
