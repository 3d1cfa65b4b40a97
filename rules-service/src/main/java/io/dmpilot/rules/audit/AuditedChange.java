package io.dmpilot.rules.audit;

/**
 * A change to record: the changed object's agency, its entity type and id, the action, and the object as the
 * API shows it before and after (null where it did not exist). Never pass anything holding a secret.
 */
public record AuditedChange(
        String agencyId, String entity, String entityId, String action, Object before, Object after) {
    public static final String ACCOUNT = "account";
    public static final String KEYWORD_RULE = "keyword-rule";
    public static final String INTENT = "intent";
    public static final String VARIANTS = "variants";
    public static final String API_KEY = "api-key";
}
