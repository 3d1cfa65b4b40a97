-- Changes made in compliance-service and dispatch-service reach this log as records on audit.changes.v1
-- (docs/SECURITY.md, "Audit log"): each carries the id its producer chose, stored once however often the
-- record is delivered, and the service it comes from. A platform object's change (a global lexicon term)
-- belongs to no agency: agency_id is null and only the superadmin reads it (GET /platform/audit).
ALTER TABLE audit_entry ADD COLUMN entry_id character varying(100);
ALTER TABLE audit_entry ADD COLUMN service character varying(32) NOT NULL DEFAULT 'rules-service';
ALTER TABLE audit_entry ALTER COLUMN agency_id DROP NOT NULL;

-- rules-service's own entries have no entry id (null never conflicts); a redelivered record's does
CREATE UNIQUE INDEX audit_entry_entry_id ON audit_entry (entry_id);
-- the platform's audit, newest first
CREATE INDEX audit_entry_platform_at ON audit_entry (at DESC) WHERE agency_id IS NULL;
