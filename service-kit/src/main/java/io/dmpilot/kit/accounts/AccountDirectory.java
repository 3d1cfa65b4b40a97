package io.dmpilot.kit.accounts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The accounts this deployment serves (open id → agency), held locally: loaded from rules-service at start
 * ({@link AccountLoader}) and kept fresh from config.changes.v1 ({@link AccountChangeConsumer}), so neither
 * a webhook nor an operator's request costs a call to another service. What a miss means is the caller's
 * policy: ingest publishes while the directory cannot tell (fail open), {@link AccountAccess} answers 404
 * (fail closed).
 */
@ApplicationScoped
public class AccountDirectory {
    private static final Logger LOG = Logger.getLogger(AccountDirectory.class);
    /** A flood of requests for unknown accounts must not grow memory without bound. */
    private static final int MAX_NEGATIVE = 10_000;

    private final Map<String, KnownAccount> known = new ConcurrentHashMap<>();
    /** open id → until when (epoch ms) it is known not to exist. */
    private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();

    private final RulesClient rules;
    private final AccountsConfig config;
    private final LongSupplier clock = System::currentTimeMillis;
    private volatile boolean loaded;

    public AccountDirectory(RulesClient rules, AccountsConfig config) {
        this.rules = rules;
        this.config = config;
    }

    /**
     * The account with its agency. A miss, or an account announced but not yet detailed, asks rules-service
     * once (an account created a moment ago may be ahead of its change announcement) and remembers a "no"
     * for a short while. Fails when rules-service cannot answer.
     */
    public Uni<Optional<KnownAccount>> lookup(String openId) {
        KnownAccount account = known.get(openId);
        if (account != null && account.agencyId() != null) {
            return Uni.createFrom().item(Optional.of(account));
        }
        Long until = unknownUntil.get(openId);
        if (account == null && until != null && until > clock.getAsLong()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return rules.one(openId).invoke(found -> found.ifPresentOrElse(this::put, () -> forget(openId)));
    }

    /** The first full load: from now on, an account not in the directory is not known. */
    public void loadAll(Collection<KnownAccount> accounts) {
        accounts.forEach(this::put);
        loaded = true;
        LOG.infof("account directory loaded: %d accounts", accounts.size());
    }

    public void put(KnownAccount account) {
        known.put(account.openId(), account);
        unknownUntil.remove(account.openId());
    }

    /** Announced by a change: known at once, details (agency) to follow. */
    public void announce(String openId) {
        known.putIfAbsent(openId, new KnownAccount(openId, null));
        unknownUntil.remove(openId);
    }

    /** Deleted, or rules-service says it does not exist: unknown, and believed so for a while. */
    public void forget(String openId) {
        known.remove(openId);
        if (unknownUntil.size() >= MAX_NEGATIVE) {
            unknownUntil.clear();
        }
        unknownUntil.put(openId, clock.getAsLong() + config.negativeTtl().toMillis());
    }

    public Optional<KnownAccount> find(String openId) {
        return Optional.ofNullable(known.get(openId));
    }

    public boolean loaded() {
        return loaded;
    }
}
