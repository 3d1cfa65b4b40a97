package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.AuditRecord;

public class AuditRecordDeserializer extends JsonEventDeserializer<AuditRecord> {
    public AuditRecordDeserializer() {
        super(AuditRecord.class);
    }
}
