package io.dmpilot.compliance.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account policies in memory, read on every vetted reply and screened message. Loaded whole at startup;
 * an edit is announced on config.changes.v1 (entity {@link #ENTITY}, key: the open id) and every replica
 * reloads that one account.
 */
@ApplicationScoped
public class AccountPolicies {
    public static final String ENTITY = "compliance-account";

    private final Map<String, AccountPolicy> byAccount = new ConcurrentHashMap<>();
    private final AtomicLong reloads = new AtomicLong();

    public AccountPolicy of(String accountOpenId) {
        return accountOpenId == null
                ? AccountPolicy.DEFAULT
                : byAccount.getOrDefault(accountOpenId, AccountPolicy.DEFAULT);
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::loadAll);
    }

    public Uni<Void> loadAll() {
        return Panache.withSession(() -> AccountPolicyEntry.<AccountPolicyEntry>listAll())
                .invoke(entries -> {
                    Map<String, AccountPolicy> loaded = new HashMap<>();
                    entries.forEach(e -> loaded.put(e.openId, e.toPolicy()));
                    byAccount.putAll(loaded);
                    byAccount.keySet().retainAll(loaded.keySet());
                })
                .replaceWithVoid();
    }

    public Uni<Void> reload(String accountOpenId) {
        return Panache.withSession(() -> AccountPolicyEntry.<AccountPolicyEntry>findById(accountOpenId))
                .invoke(entry -> {
                    if (entry == null) byAccount.remove(accountOpenId);
                    else byAccount.put(accountOpenId, entry.toPolicy());
                    reloads.incrementAndGet();
                })
                .replaceWithVoid();
    }

    /** How many account reloads this replica did: tests wait on it. */
    public long reloads() {
        return reloads.get();
    }
}
