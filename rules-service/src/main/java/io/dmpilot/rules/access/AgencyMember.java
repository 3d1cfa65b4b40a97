package io.dmpilot.rules.access;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.AgencyScope;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person of an agency, with the role that caps every key issued for them. */
@Entity
@Table(name = "agency_member", indexes = @Index(name = "agency_member_agency", columnList = "agency_id, id"))
public class AgencyMember extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_id", nullable = false, length = 64)
    public String agencyId;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(length = 254)
    public String email;

    @Column(nullable = false, length = 16)
    public String role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The member of {@code agencyId} with this id, if {@code scope} sees that agency; otherwise, and for an id
     * that is not a number, the same 404 as for a missing member, so ids cannot be probed.
     */
    static Uni<AgencyMember> visible(String agencyId, String memberId, AgencyScope scope) {
        String notFound = "no member " + memberId + " in agency " + agencyId;
        scope.requireVisible(agencyId, notFound);
        Long id = parseId(memberId);
        if (id == null) return Uni.createFrom().failure(ProblemException.notFound(notFound));
        return AgencyMember.<AgencyMember>findById(id).map(member -> {
            if (member == null || !agencyId.equals(member.agencyId)) throw ProblemException.notFound(notFound);
            return member;
        });
    }

    static Long parseId(String memberId) {
        try {
            return Long.valueOf(memberId);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
