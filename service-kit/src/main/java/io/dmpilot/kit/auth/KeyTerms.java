package io.dmpilot.kit.auth;

import java.time.Instant;

/**
 * What a key is issued with besides its agency, role and name: the member it belongs to (null: the agency's own
 * key) and when it expires (null: never).
 */
public record KeyTerms(String memberId, Instant expiresAt) {
    public static final KeyTerms NONE = new KeyTerms(null, null);
}
