-- Why a rule or intent is off when compliance-service switched it off (its template was blocked too often);
-- null when an operator switched it off or it is on.
ALTER TABLE keyword_rule ADD COLUMN IF NOT EXISTS disabled_reason character varying(500);
ALTER TABLE semantic_intent ADD COLUMN IF NOT EXISTS disabled_reason character varying(500);
