package io.dmpilot.rules;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.dmpilot.rules.AccountRulesLoader.Loaded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Every account's compiled rules, held in memory so a message costs no PostgreSQL read and no automaton build.
 * An entry is dropped when config.changes.v1 (or this replica's own REST write) says the account changed, and
 * after {@code max-age} in any case, which bounds how stale a replica can be if it ever misses a change.
 *
 * <p>A load that was running while its account was invalidated is used for that message but not kept: it may
 * have read the rows from before the change.
 *
 * <p>At most {@code max-accounts} accounts are held (measured: 16–21 KiB each, docs/benchmarks/rules-engines.md):
 * every replica sees every account, since records are partitioned by conversation, so an agency with more
 * accounts than its heap holds must not run a replica out of memory. Past the bound the accounts written to
 * least often are dropped first (Caffeine's W-TinyLFU) and read again on their next message.
 */
@ApplicationScoped
public class AccountRulesCache {
    private final Map<String, Entry> entries;
    private final Map<String, Long> invalidations = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Function<String, Uni<Loaded>> loader;
    private final LongSupplier clock;
    private final long maxAgeMillis;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public AccountRulesCache(RulesConfig config, MeterRegistry meters) {
        this(
                AccountRulesLoader::load,
                System::currentTimeMillis,
                config.cache().maxAge().toMillis(),
                config.cache().maxAccounts(),
                meters);
    }

    AccountRulesCache(
            Function<String, Uni<Loaded>> loader, LongSupplier clock, long maxAgeMillis, MeterRegistry meters) {
        this(loader, clock, maxAgeMillis, Long.MAX_VALUE, meters);
    }

    AccountRulesCache(
            Function<String, Uni<Loaded>> loader,
            LongSupplier clock,
            long maxAgeMillis,
            long maxAccounts,
            MeterRegistry meters) {
        // evictions run on the caller's thread: a size bound that is enforced at once, and deterministic in tests
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxAccounts)
                .executor(Runnable::run)
                .<String, Entry>build()
                .asMap();
        this.loader = loader;
        this.clock = clock;
        this.maxAgeMillis = maxAgeMillis;
        this.hits = meters.counter("dmpilot_rules_cache_lookups_total", "result", "hit");
        this.misses = meters.counter("dmpilot_rules_cache_lookups_total", "result", "miss");
        meters.gaugeMapSize("dmpilot_rules_cache_accounts", List.of(), entries);
    }

    Uni<Loaded> get(String openId) {
        Entry entry = entries.get(openId);
        long now = clock.getAsLong();
        if (entry != null && now - entry.loadedAt() < maxAgeMillis) {
            hits.increment();
            return Uni.createFrom().item(entry.loaded());
        }
        misses.increment();
        long started = generation.get();
        return loader.apply(openId).invoke(loaded -> {
            Long invalidatedAt = invalidations.get(openId);
            if (invalidatedAt == null || invalidatedAt <= started) {
                entries.put(openId, new Entry(loaded, now));
            }
        });
    }

    /** The account changed: the next message reads it again. */
    public void invalidate(String openId) {
        invalidations.put(openId, generation.incrementAndGet());
        entries.remove(openId);
    }

    int size() {
        return entries.size();
    }

    private record Entry(Loaded loaded, long loadedAt) {}
}
