package io.dmpilot.ingest.accounts;

import io.dmpilot.ingest.IngestConfig;
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
 * and kept fresh from config.changes.v1, so a webhook costs no call to another service. Fails open: while
 * the first load has not succeeded, or when rules-service cannot answer a miss, every account is known —
 * a message is never refused because rules-service is down.
 */
@ApplicationScoped
public class AccountDirectory {
    private static final Logger LOG = Logger.getLogger(AccountDirectory.class);
    /** A flood of messages to unknown accounts must not grow memory without bound. */
    private static final int MAX_NEGATIVE = 10_000;

    private final Map<String, KnownAccount> known = new ConcurrentHashMap<>();
    /** open id → until when (epoch ms) it is known not to exist. */
    private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();

    private final RulesClient rules;
    private final IngestConfig config;
    private final LongSupplier clock = System::currentTimeMillis;
    private volatile boolean loaded;

    public AccountDirectory(RulesClient rules, IngestConfig config) {
        this.rules = rules;
        this.config = config;
    }

    /**
     * True when messages to this account should be published. A miss asks rules-service once (an account
     * created a moment ago may be ahead of its change announcement) and remembers a "no" for a short while.
     */
    public Uni<Boolean> isKnown(String openId) {
        if (!config.accountRouting() || !loaded || known.containsKey(openId)) {
            return Uni.createFrom().item(true);
        }
        Long until = unknownUntil.get(openId);
        if (until != null && until > clock.getAsLong()) {
            return Uni.createFrom().item(false);
        }
        return rules.one(openId)
                .map(found -> {
                    found.ifPresentOrElse(this::put, () -> rememberUnknown(openId));
                    return found.isPresent();
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("rules-service cannot answer for account %s (%s); treating it as known", openId, failure);
                    return true;
                });
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

    public void remove(String openId) {
        known.remove(openId);
        rememberUnknown(openId);
    }

    public Optional<KnownAccount> find(String openId) {
        return Optional.ofNullable(known.get(openId));
    }

    public boolean loaded() {
        return loaded;
    }

    private void rememberUnknown(String openId) {
        if (unknownUntil.size() >= MAX_NEGATIVE) {
            unknownUntil.clear();
        }
        unknownUntil.put(
                openId, clock.getAsLong() + config.accounts().negativeTtl().toMillis());
    }
}
