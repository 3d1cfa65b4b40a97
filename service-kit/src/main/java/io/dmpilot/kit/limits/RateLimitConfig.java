package io.dmpilot.kit.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many requests one operator API key may make per window (docs/SECURITY.md, "Limits"). */
@ConfigMapping(prefix = "dmpilot.auth.rate-limit")
public interface RateLimitConfig {
    @WithDefault("true")
    boolean enabled();

    /** Requests a key may make in one window; the next one answers 429 until the window ends. */
    @WithDefault("20")
    int requests();

    /** The window starts at a key's first request and lasts this long. */
    @WithDefault("1s")
    Duration window();
}
