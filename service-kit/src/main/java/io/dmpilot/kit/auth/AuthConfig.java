package io.dmpilot.kit.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "dmpilot.auth")
public interface AuthConfig {
    /**
     * The platform's superadmin key ({@code DMPILOT_BOOTSTRAP_KEY}, from a Kubernetes Secret), checked in memory
     * without Redis so the first agency keys can be issued. Absent: no bootstrap key is accepted.
     */
    Optional<String> bootstrapKey();

    /**
     * The platform services' key ({@code DMPILOT_SERVICE_KEY}, from the same Secret), checked in memory like the
     * bootstrap key: it reads every agency's accounts and nothing else. Absent: no service key is accepted, and
     * services read accounts with the bootstrap key.
     */
    Optional<String> serviceKey();

    /** How long a replica trusts a key record it read; a revocation takes effect within this bound. */
    @WithDefault("5s")
    Duration cacheTtl();

    /** Bounds the cache's memory; past it the cache starts over (keys are re-read, nothing is refused). */
    @WithDefault("10000")
    int cacheSize();
}
