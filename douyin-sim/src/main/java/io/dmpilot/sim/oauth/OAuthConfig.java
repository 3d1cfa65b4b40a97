package io.dmpilot.sim.oauth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The simulated platform's OAuth: the token pair it starts with and the lifetimes it grants. */
@ConfigMapping(prefix = "douyin-sim.oauth")
public interface OAuthConfig {
    /** Refresh token that goes with the configured access token ({@code douyin-sim.access-token}). */
    @WithDefault("sim-refresh")
    String refreshToken();

    /** Lifetime of a refreshed access token (the platform's 15 days). */
    @WithDefault("15d")
    Duration accessTokenLifetime();

    /** Lifetime of a refresh token (the platform's 30 days). */
    @WithDefault("30d")
    Duration refreshTokenLifetime();
}
