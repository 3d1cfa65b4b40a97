package io.dmpilot.dispatch.credentials;

import io.dmpilot.dispatch.douyin.TokenStore;
import java.time.Instant;
import java.util.Optional;

/**
 * What the API shows of an account's tokens: whether it has its own (set over REST or renewed since), when
 * they expire and when they were written. Never a token.
 */
public record CredentialsStatus(boolean configured, Instant expiresAt, Instant updatedAt) {
    static CredentialsStatus of(Optional<TokenStore.Metadata> stored) {
        return stored.map(m -> new CredentialsStatus(true, instant(m.expiresAt()), instant(m.updatedAt())))
                .orElseGet(() -> new CredentialsStatus(false, null, null));
    }

    private static Instant instant(long epochMillis) {
        return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : null;
    }
}
