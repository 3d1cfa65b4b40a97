package io.dmpilot.dispatch.douyin;

import io.dmpilot.dispatch.DispatchConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Each account's access token, stored encrypted ({@link TokenStore}) so every replica uses the one the last
 * refresh produced. An account without tokens of its own (never set over REST, never refreshed) uses the
 * configured token. Refreshed ahead of expiry, and at once when the platform says 28001008 (expired) — unless
 * another replica renewed it meanwhile. No token value is ever logged.
 */
@ApplicationScoped
public class AccessTokens {
    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    private final TokenStore store;
    private final DouyinClient douyin;
    private final DispatchConfig config;

    public AccessTokens(TokenStore store, DouyinClient douyin, DispatchConfig config) {
        this.store = store;
        this.douyin = douyin;
        this.config = config;
    }

    /** The token to send with now; renewed first when it is about to expire. */
    public Uni<String> current(String accountOpenId) {
        return stored(accountOpenId).chain(token -> {
            long renewAt = token.expiresAt() - config.tokenRefreshMargin().toMillis();
            return token.expiresAt() > 0 && System.currentTimeMillis() >= renewAt
                    ? refresh(accountOpenId, token)
                    : Uni.createFrom().item(token.access());
        });
    }

    /** The platform refused {@code staleAccess} as expired: a newer stored token, or a refreshed one. */
    public Uni<String> renew(String accountOpenId, String staleAccess) {
        return stored(accountOpenId)
                .chain(token -> token.access().equals(staleAccess)
                        ? refresh(accountOpenId, token)
                        : Uni.createFrom().item(token.access()));
    }

    private Uni<String> refresh(String accountOpenId, AccessToken old) {
        LOG.infof("account %s: refreshing its access token", accountOpenId);
        return douyin.refresh(config.clientKey(), old.refresh())
                .call(fresh -> store.write(accountOpenId, fresh))
                .map(AccessToken::access);
    }

    private Uni<AccessToken> stored(String accountOpenId) {
        // no tokens of its own: the configured token, whose expiry dmpilot does not know
        return store.read(accountOpenId)
                .map(found -> found.map(TokenStore.Stored::token)
                        .orElseGet(() -> new AccessToken(config.accessToken(), config.refreshToken(), 0)));
    }
}
