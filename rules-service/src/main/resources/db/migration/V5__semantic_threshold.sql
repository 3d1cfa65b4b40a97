-- A CUSTOM account's own semantic threshold (cosine similarity an intent must reach); null is the deployment's
-- dmpilot.rules.semantic.threshold. Agencies tune it per account (PUT /accounts/{id}/semantic-threshold).
ALTER TABLE account ADD COLUMN semantic_threshold double precision;
ALTER TABLE account ADD CONSTRAINT account_semantic_threshold_check
    CHECK (semantic_threshold > 0 AND semantic_threshold <= 1);
