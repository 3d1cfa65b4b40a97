package io.dmpilot.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expiry and the platform's in-memory keys, decided with a fixed clock: no waiting, no wall clock. */
class KeyExpiryTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String BOOTSTRAP = "dmp_boot_bootstrap-secret-of-tests";
    private static final String SERVICE = "dmp_svc_service-secret-of-tests";

    @Test
    void aKeyIsUsableUntilTheInstantItExpires() {
        KeyRecord record = expiringAt(NOW.plusSeconds(1));
        assertTrue(record.activeAt(NOW));
        assertTrue(record.activeAt(NOW.plusMillis(999)));
        assertFalse(record.activeAt(NOW.plusSeconds(1)));
        assertFalse(record.activeAt(NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void aKeyWithoutExpiryNeverExpiresButRevokingStillEndsIt() {
        KeyRecord record = new KeyRecord("p", "a", Roles.ADMIN, "n", 1, false, "h");
        assertNull(record.expiresAt());
        assertTrue(record.activeAt(Instant.MAX));
        assertFalse(new KeyRecord("p", "a", Roles.ADMIN, "n", 1, true, "h").activeAt(NOW));
    }

    @Test
    void thePlatformKeysAreComparedInMemoryWithTheirOwnRoles() {
        ApiKeyVerifier verifier = verifier(Optional.of(BOOTSTRAP), Optional.of(SERVICE));
        assertEquals(Roles.SUPERADMIN, verify(verifier, BOOTSTRAP).role());
        assertEquals(Roles.SERVICE, verify(verifier, SERVICE).role());
        assertNull(verify(verifier, "dmp_svc_service-secret-of-testz"));
    }

    @Test
    void theServiceKeyImpliesNoOtherRole() {
        assertEquals(java.util.Set.of(Roles.SERVICE), Roles.implied(Roles.SERVICE));
        assertFalse(Roles.known(Roles.SERVICE), "a service key is never issued over REST");
        assertTrue(new KeyRecord("svc", null, Roles.SERVICE, "service", 0, false, "h").active());
    }

    @Test
    void theServiceKeyMustNotShareTheBootstrapKeysPrefix() {
        assertThrows(
                IllegalStateException.class,
                () -> verifier(Optional.of(BOOTSTRAP), Optional.of("dmp_boot_another-secret-of-tests")));
        assertThrows(IllegalStateException.class, () -> verifier(Optional.empty(), Optional.of("not-a-key")));
    }

    private static KeyRecord expiringAt(Instant expiresAt) {
        return new KeyRecord("p", "a", Roles.ADMIN, "n", 1, false, "h", null, expiresAt);
    }

    private static KeyRecord verify(ApiKeyVerifier verifier, String token) {
        return verifier.verify(token).await().indefinitely();
    }

    /** The platform keys never reach the store, so there is none. */
    private static ApiKeyVerifier verifier(Optional<String> bootstrap, Optional<String> service) {
        AuthConfig config = new AuthConfig() {
            @Override
            public Optional<String> bootstrapKey() {
                return bootstrap;
            }

            @Override
            public Optional<String> serviceKey() {
                return service;
            }

            @Override
            public Duration cacheTtl() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int cacheSize() {
                return 10;
            }
        };
        return new ApiKeyVerifier(null, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
