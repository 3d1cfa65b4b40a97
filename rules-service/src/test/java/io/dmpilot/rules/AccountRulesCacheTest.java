package io.dmpilot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.AccountRulesLoader.Loaded;
import io.dmpilot.rules.engine.AccountRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AccountRulesCacheTest {
    private final List<String> loads = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private int version;

    private final AccountRulesCache cache = new AccountRulesCache(
            openId -> {
                loads.add(openId);
                return Uni.createFrom().item(rules(openId, "v" + ++version));
            },
            now::get,
            60_000,
            meters);

    @Test
    void secondLookupIsServedFromMemory() {
        Loaded first = get("a");
        Loaded second = get("a");

        assertSame(first, second);
        assertEquals(List.of("a"), loads);
        assertEquals(
                1.0,
                meters.counter("dmpilot_rules_cache_lookups_total", "result", "hit")
                        .count());
        assertEquals(
                1.0,
                meters.counter("dmpilot_rules_cache_lookups_total", "result", "miss")
                        .count());
    }

    @Test
    void anInvalidatedAccountIsReadAgainAndOthersAreKept() {
        get("a");
        get("b");

        cache.invalidate("a");

        assertEquals("v3", text(get("a")));
        assertEquals("v2", text(get("b")));
        assertEquals(List.of("a", "b", "a"), loads);
    }

    @Test
    void anEntryOlderThanMaxAgeIsReadAgain() {
        get("a");
        now.addAndGet(59_999);
        get("a");
        now.addAndGet(1);

        assertEquals("v2", text(get("a")));
        assertEquals(2, loads.size());
    }

    @Test
    void unknownAccountsAreRememberedUntilTheyChange() {
        AccountRulesCache unknowns = new AccountRulesCache(
                openId -> {
                    loads.add(openId);
                    return Uni.createFrom().item(Loaded.UNKNOWN);
                },
                now::get,
                60_000,
                meters);
        unknowns.get("new").await().indefinitely();
        unknowns.get("new").await().indefinitely();
        assertEquals(1, loads.size());

        unknowns.invalidate("new");
        unknowns.get("new").await().indefinitely();
        assertEquals(2, loads.size());
    }

    @Test
    void pastItsBoundTheCacheDropsAccountsAndReadsThemAgainWhenNeeded() {
        AccountRulesCache bounded = new AccountRulesCache(
                openId -> {
                    loads.add(openId);
                    return Uni.createFrom().item(rules(openId, "v" + ++version));
                },
                now::get,
                60_000,
                2,
                meters);
        for (String openId : List.of("a", "b", "c", "d")) {
            bounded.get(openId).await().indefinitely();
        }

        assertTrue(bounded.size() <= 2, () -> "held " + bounded.size());
        for (String openId : List.of("a", "b", "c", "d")) {
            assertEquals(
                    openId, bounded.get(openId).await().indefinitely().rules().accountOpenId());
        }
        assertTrue(loads.size() > 4, "a dropped account is read again");
        assertTrue(bounded.size() <= 2, () -> "held " + bounded.size());
    }

    /** The load read the rows before the change committed: its answer serves this message but is not kept. */
    @Test
    void aLoadOverlappingAnInvalidationIsNotKept() {
        List<UniEmitter<? super Loaded>> pending = new ArrayList<>();
        AccountRulesCache slow = new AccountRulesCache(
                openId -> {
                    loads.add(openId);
                    return Uni.createFrom().emitter(pending::add);
                },
                now::get,
                60_000,
                meters);
        List<Loaded> answers = new ArrayList<>();
        slow.get("a").subscribe().with(answers::add);

        slow.invalidate("a");
        pending.get(0).complete(rules("a", "before the change"));

        assertEquals("before the change", text(answers.get(0)));
        assertEquals(0, slow.size());
        slow.get("a").subscribe().with(answers::add);
        assertEquals(2, loads.size());
        pending.get(1).complete(rules("a", "after the change"));
        assertEquals(1, slow.size());
    }

    private Loaded get(String openId) {
        return cache.get(openId).await().indefinitely();
    }

    private static String text(Loaded loaded) {
        return loaded.rules().templates().values().iterator().next();
    }

    private static Loaded rules(String openId, String text) {
        return new Loaded(
                new AccountRules(
                        openId, "agency", Tier.BASIC, false, Map.of(io.dmpilot.contracts.Scenario.FALLBACK, text)),
                List.of());
    }
}
