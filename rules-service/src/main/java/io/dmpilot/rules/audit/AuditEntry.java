package io.dmpilot.rules.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change made over REST: who (key and agency), what (entity, id, action), when, before and after. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    static final String SERVICE = "rules-service";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    /**
     * The agency the changed object belongs to: whose audit shows the entry. Null for a platform object's change
     * (a global lexicon term), which only the superadmin's platform audit shows.
     */
    @Column(name = "agency_id", length = 64)
    public String agencyId;

    /** The service where the change was made. */
    @Column(nullable = false, length = 32)
    public String service = SERVICE;

    /** The id another service gave the change on audit.changes.v1, stored once; null for this service's own. */
    @Column(name = "entry_id", length = 100, unique = true)
    public String entryId;

    /** The caller's key, {@code key:<prefix>}; never the secret. */
    @Column(nullable = false, length = 64)
    public String principal;

    /** The caller's own agency; null for the superadmin. */
    @Column(name = "caller_agency_id", length = 64)
    public String callerAgencyId;

    @Column(nullable = false, length = 32)
    public String entity;

    @Column(name = "entity_id", nullable = false, length = 200)
    public String entityId;

    @Column(nullable = false, length = 32)
    public String action;

    @Column(name = "before_json", columnDefinition = "text")
    public String before;

    @Column(name = "after_json", columnDefinition = "text")
    public String after;
}
