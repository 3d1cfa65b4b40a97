package io.dmpilot.rules.audit;

import io.dmpilot.contracts.AuditRecord;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.contracts.serde.MalformedEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * audit.changes.v1 → the audit log: the changes compliance-service and dispatch-service publish, stored once
 * by their entry id however often a record is delivered. A record that breaks the contract (or would not fit
 * the log's columns) goes to audit.changes.v1.dlq with its bytes; a store that keeps failing is retried a few
 * times, then dead-lettered too, and consumption goes on.
 */
@ApplicationScoped
public class AuditRecordConsumer {
    /** The incoming side of audit.changes.v1; the producers' channel keeps the shared name. */
    public static final String INCOMING = "audit-changes-in";

    private static final int RETRIES = 3;

    @Incoming(INCOMING)
    public Uni<Void> consume(String payload) {
        AuditRecord record = checked(EventJson.read(payload, AuditRecord.class));
        return Panache.withTransaction(() -> AuditEntry.count("entryId", record.entryId())
                        .chain(stored -> stored > 0 ? Uni.createFrom().voidItem() : persist(record)))
                // a concurrent delivery of the same record loses on the unique entry id, and finds it stored
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200))
                .atMost(RETRIES);
    }

    private static Uni<Void> persist(AuditRecord record) {
        AuditEntry entry = new AuditEntry();
        entry.entryId = record.entryId();
        entry.at = Instant.ofEpochMilli(record.occurredAt());
        entry.agencyId = record.agencyId();
        entry.principal = record.actorPrincipal();
        entry.callerAgencyId = record.actorAgencyId();
        entry.service = record.service();
        entry.entity = record.entity();
        entry.entityId = record.entityId();
        entry.action = record.action();
        entry.before = record.before() == null ? null : record.before().toString();
        entry.after = record.after() == null ? null : record.after().toString();
        return entry.persist().replaceWithVoid();
    }

    /** What the schema requires and the columns hold; anything else is a malformed record. */
    static AuditRecord checked(AuditRecord record) {
        text("entryId", record.entryId(), 100, true);
        text("agencyId", record.agencyId(), 64, false);
        text("actorPrincipal", record.actorPrincipal(), 64, true);
        text("actorAgencyId", record.actorAgencyId(), 64, false);
        text("service", record.service(), 32, true);
        text("entity", record.entity(), 32, true);
        text("entityId", record.entityId(), 200, true);
        text("action", record.action(), 32, true);
        if (record.before() != null && !record.before().isObject()) throw malformed("before must be an object");
        if (record.after() != null && !record.after().isObject()) throw malformed("after must be an object");
        if (record.occurredAt() <= 0) throw malformed("occurredAt must be a positive epoch millisecond");
        return record;
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) throw malformed(field + " is required");
        } else if (value.isBlank() || value.length() > max) {
            throw malformed(field + " must be 1–" + max + " characters");
        }
    }

    private static MalformedEventException malformed(String detail) {
        return new MalformedEventException("not a valid AuditRecord: " + detail, null);
    }
}
