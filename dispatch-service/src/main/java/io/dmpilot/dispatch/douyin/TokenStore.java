package io.dmpilot.dispatch.douyin;

import io.dmpilot.kit.secrets.SecretBox;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Each account's platform tokens in Redis, hash {@code dispatch:token:{account}}: {@code access} and
 * {@code refresh} sealed by service-kit's {@link SecretBox} for that account (never in clear), {@code expiresAt}
 * and {@code updatedAt} (epoch ms). A hash written before encryption, or sealed by a key since rotated out, is
 * sealed again with the current key the first time it is read. Started eagerly: without a valid secrets key the
 * service refuses to start rather than fail its first send.
 */
@Startup
@ApplicationScoped
public class TokenStore {
    private static final Logger LOG = Logger.getLogger(TokenStore.class);

    /** Seals again only if the hash still holds what was read: a refresh in between wins. */
    private static final String RESEAL = "if redis.call('HGET', KEYS[1], 'access') == ARGV[1] then "
            + "redis.call('HSET', KEYS[1], 'access', ARGV[2], 'refresh', ARGV[3]) return 1 end return 0";

    /** Tokens as stored, with when they were last written. */
    public record Stored(AccessToken token, long updatedAt) {}

    /** What may be shown of an account's tokens: when they expire and when they were written, never a value. */
    public record Metadata(long expiresAt, long updatedAt) {}

    private final ReactiveRedisDataSource redis;
    private final SecretBox box;

    public TokenStore(ReactiveRedisDataSource redis, SecretBox box) {
        this.redis = redis;
        this.box = box;
    }

    /** The account's own tokens, if it has any. */
    public Uni<Optional<Stored>> read(String accountOpenId) {
        return redis.hash(String.class).hgetall(key(accountOpenId)).chain(fields -> {
            if (fields == null || !fields.containsKey("access"))
                return Uni.createFrom().item(Optional.empty());
            String access = fields.get("access");
            String refresh = fields.getOrDefault("refresh", "");
            Stored stored = new Stored(
                    new AccessToken(
                            open(accountOpenId, access), open(accountOpenId, refresh), number(fields, "expiresAt")),
                    number(fields, "updatedAt"));
            Uni<Void> reseal = needsSealing(access) || needsSealing(refresh)
                    ? reseal(accountOpenId, access, stored.token())
                    : Uni.createFrom().voidItem();
            return reseal.replaceWith(Optional.of(stored));
        });
    }

    /** Whether the account has tokens of its own, read without opening them. */
    public Uni<Optional<Metadata>> metadata(String accountOpenId) {
        return redis.hash(String.class)
                .hgetall(key(accountOpenId))
                .map(fields -> fields == null || !fields.containsKey("access")
                        ? Optional.empty()
                        : Optional.of(new Metadata(number(fields, "expiresAt"), number(fields, "updatedAt"))));
    }

    public Uni<Void> write(String accountOpenId, AccessToken token) {
        return redis.hash(String.class)
                .hset(
                        key(accountOpenId),
                        Map.of(
                                "access", seal(accountOpenId, token.access()),
                                "refresh", seal(accountOpenId, token.refresh()),
                                "expiresAt", Long.toString(token.expiresAt()),
                                "updatedAt", Long.toString(System.currentTimeMillis())))
                .replaceWithVoid();
    }

    /** Forgets the account's tokens; it sends with the configured ones again. True if it had any. */
    public Uni<Boolean> delete(String accountOpenId) {
        return redis.key().del(key(accountOpenId)).map(removed -> removed > 0);
    }

    private Uni<Void> reseal(String accountOpenId, String storedAccess, AccessToken token) {
        return redis.execute(
                        "EVAL",
                        RESEAL,
                        "1",
                        key(accountOpenId),
                        storedAccess,
                        seal(accountOpenId, token.access()),
                        seal(accountOpenId, token.refresh()))
                .invoke(done -> {
                    if (done != null && done.toInteger() == 1) {
                        LOG.infof(
                                "account %s: its stored tokens are now sealed with key %s",
                                accountOpenId, box.currentKeyId());
                    }
                })
                .replaceWithVoid();
    }

    private boolean needsSealing(String stored) {
        return !stored.isEmpty() && (!SecretBox.isSealed(stored) || box.sealedByOldKey(stored));
    }

    /** "" stays "" (no refresh token); anything else is sealed. */
    private String seal(String accountOpenId, String plaintext) {
        return plaintext == null || plaintext.isEmpty() ? "" : box.seal(accountOpenId, plaintext);
    }

    /** A value stored before encryption is taken as it is (and sealed right after). */
    private String open(String accountOpenId, String stored) {
        if (stored.isEmpty() || !SecretBox.isSealed(stored)) return stored;
        try {
            return box.open(accountOpenId, stored);
        } catch (SecretBox.Unreadable e) {
            LOG.errorf(
                    "account %s: %s; set its tokens again, or configure the key that sealed them",
                    accountOpenId, e.getMessage());
            throw new SendFailure.Final(0, "the account's stored token cannot be opened");
        }
    }

    private static long number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }

    static String key(String accountOpenId) {
        return "dispatch:token:{" + accountOpenId + "}";
    }
}
