package io.dmpilot.kit.audit;

/**
 * What changed: the entity type, the object's id, the action, and the object as its API shows it before and
 * after (null where it did not or no longer exists). Never pass anything holding a secret.
 */
public record AuditChange(String entity, String entityId, String action, Object before, Object after) {}
