package io.dmpilot.dispatch.douyin;

import io.dmpilot.dispatch.DispatchConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Each account's access token, in Redis so every replica uses the one the last refresh produced. An account
 * never refreshed uses the configured token. Refreshed ahead of expiry, and at once when the platform says
 * 28001008 (expired) — unless another replica renewed it meanwhile.
 */
@ApplicationScoped
public class AccessTokens {
    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    private final ReactiveRedisDataSource redis;
    private final DouyinClient douyin;
    private final DispatchConfig config;

    public AccessTokens(ReactiveRedisDataSource redis, DouyinClient douyin, DispatchConfig config) {
        this.redis = redis;
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
                .call(fresh -> store(accountOpenId, fresh))
                .map(AccessToken::access);
    }

    private Uni<AccessToken> stored(String accountOpenId) {
        return redis.hash(String.class).hgetall(key(accountOpenId)).map(this::toToken);
    }

    private Uni<Void> store(String accountOpenId, AccessToken token) {
        return redis.hash(String.class)
                .hset(
                        key(accountOpenId),
                        Map.of(
                                "access", token.access(),
                                "refresh", token.refresh() == null ? "" : token.refresh(),
                                "expiresAt", Long.toString(token.expiresAt())))
                .replaceWithVoid();
    }

    private AccessToken toToken(Map<String, String> fields) {
        if (fields == null || !fields.containsKey("access")) {
            // never refreshed: the configured token, whose expiry dmpilot does not know
            return new AccessToken(config.accessToken(), config.refreshToken(), 0);
        }
        return new AccessToken(
                fields.get("access"), fields.get("refresh"), Long.parseLong(fields.getOrDefault("expiresAt", "0")));
    }

    static String key(String accountOpenId) {
        return "dispatch:token:{" + accountOpenId + "}";
    }
}
