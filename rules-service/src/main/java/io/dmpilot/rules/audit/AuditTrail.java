package io.dmpilot.rules.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Records changes made over REST (docs/SECURITY.md, "Audit log"). Call {@link #record} inside the change's own
 * transaction, so a change and its entry commit or roll back together; {@link #recordAlone} for changes kept
 * outside PostgreSQL (API keys in Redis), after they are made.
 */
@ApplicationScoped
public class AuditTrail {
    private final ObjectMapper json;

    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> record(Actor actor, AuditedChange change) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.agencyId = change.agencyId();
        entry.principal = actor.principal();
        entry.callerAgencyId = actor.agencyId();
        entry.entity = change.entity();
        entry.entityId = change.entityId();
        entry.action = change.action();
        entry.before = toJson(change.before());
        entry.after = toJson(change.after());
        return entry.persist().replaceWithVoid();
    }

    public Uni<Void> recordAlone(Actor actor, AuditedChange change) {
        return Panache.withTransaction(() -> record(actor, change));
    }

    private String toJson(Object state) {
        if (state == null) return null;
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audited object must serialize like its API view", e);
        }
    }
}
