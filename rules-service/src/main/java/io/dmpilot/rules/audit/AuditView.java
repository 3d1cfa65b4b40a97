package io.dmpilot.rules.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** An audit entry as the API shows it, with before and after as JSON objects. */
public record AuditView(
        long id,
        Instant at,
        String agencyId,
        String principal,
        String callerAgencyId,
        String service,
        String entity,
        String entityId,
        String action,
        JsonNode before,
        JsonNode after) {

    static AuditView of(AuditEntry entry, ObjectMapper json) {
        return new AuditView(
                entry.id,
                entry.at,
                entry.agencyId,
                entry.principal,
                entry.callerAgencyId,
                entry.service,
                entry.entity,
                entry.entityId,
                entry.action,
                parse(entry.before, json),
                parse(entry.after, json));
    }

    private static JsonNode parse(String text, ObjectMapper json) {
        if (text == null) return null;
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entries hold the JSON AuditTrail wrote", e);
        }
    }
}
