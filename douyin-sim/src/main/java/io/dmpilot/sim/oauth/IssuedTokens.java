package io.dmpilot.sim.oauth;

import io.dmpilot.sim.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access and refresh tokens the simulated platform knows: the configured pair, valid until revoked,
 * and every pair a refresh issued, valid for its lifetime. The send API accepts only a valid access token.
 */
@ApplicationScoped
public class IssuedTokens {
    private static final long FOREVER = Long.MAX_VALUE;

    private final Map<String, Long> access = new ConcurrentHashMap<>();
    private final Map<String, Long> refresh = new ConcurrentHashMap<>();
    private final OAuthConfig config;

    public IssuedTokens(SimConfig sim, OAuthConfig config) {
        this.config = config;
        access.put(sim.accessToken(), FOREVER);
        refresh.put(config.refreshToken(), FOREVER);
    }

    /** A freshly issued pair, as the platform answers a refresh. */
    public record Pair(String accessToken, long expiresInSeconds, String refreshToken, long refreshExpiresInSeconds) {}

    public boolean accepts(String accessToken) {
        return accessToken != null && access.getOrDefault(accessToken, 0L) > System.currentTimeMillis();
    }

    /** A new access token for a known, unexpired refresh token; the refresh token stays the same. */
    public Optional<Pair> refresh(String refreshToken) {
        long now = System.currentTimeMillis();
        if (refreshToken == null || refresh.getOrDefault(refreshToken, 0L) <= now) return Optional.empty();
        String token = "act." + UUID.randomUUID().toString().replace("-", "");
        access.put(token, now + config.accessTokenLifetime().toMillis());
        long refreshLeft = Math.min(
                refresh.get(refreshToken) - now, config.refreshTokenLifetime().toMillis());
        return Optional.of(new Pair(token, config.accessTokenLifetime().toSeconds(), refreshToken, refreshLeft / 1000));
    }

    /** Every access token issued so far stops working, the configured one too: the next send gets 28001008. */
    public int expireAccessTokens() {
        int n = access.size();
        access.replaceAll((token, expiresAt) -> 0L);
        return n;
    }
}
