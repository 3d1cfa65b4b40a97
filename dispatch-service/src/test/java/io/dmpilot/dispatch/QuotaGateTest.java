package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Tier;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class QuotaGateTest {
    @Inject
    QuotaGate quota;

    @Inject
    DispatchConfig config;

    @ParameterizedTest
    @EnumSource(Tier.class)
    void admitsExactlyTheTierQuotaPerWindowUnderConcurrency(Tier tier) throws Exception {
        String account = "acct-" + UUID.randomUUID();
        ConcurrentLinkedQueue<QuotaGate.Decision> decisions = new ConcurrentLinkedQueue<>();
        ExecutorService dispatchers = Executors.newFixedThreadPool(4);
        int attempts = tier.repliesPerMinute() * 3;
        for (int i = 0; i < attempts; i++) {
            String candidate = "cand-" + i;
            dispatchers.submit(() -> decisions.add(
                    quota.acquire(account, tier, candidate).await().atMost(Duration.ofSeconds(10))));
        }
        dispatchers.shutdown();
        assertTrue(dispatchers.awaitTermination(60, TimeUnit.SECONDS));

        List<QuotaGate.Decision> all = List.copyOf(decisions);
        assertEquals(attempts, all.size());
        assertEquals(
                tier.repliesPerMinute(),
                all.stream().filter(QuotaGate.Decision::admitted).count());
        assertTrue(all.stream()
                .filter(d -> !d.admitted())
                .allMatch(d -> d.retryAfterMillis() > 0
                        && d.retryAfterMillis() <= config.quotaWindow().toMillis()));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void tiersAndAccountsHaveSeparateWindowsAndReleasedTokensReturn(Tier tier) {
        String account = "acct-" + UUID.randomUUID();
        for (int i = 0; i < tier.repliesPerMinute(); i++) {
            assertTrue(acquire(account, tier, "c" + i).admitted());
        }
        assertFalse(acquire(account, tier, "over").admitted());
        assertTrue(acquire(account, tier, "c0").admitted(), "the same candidate again takes no second slot");
        assertTrue(acquire("other-" + account, tier, "c0").admitted());

        quota.release(account, tier, "c1").await().atMost(Duration.ofSeconds(5));

        assertTrue(acquire(account, tier, "after-release").admitted());
        assertFalse(acquire(account, tier, "over-again").admitted());
    }

    @ParameterizedTest(name = "{0}: {1} per window")
    @CsvSource({"CUSTOM, 25", "BASIC, 3", "ADVANCED, 50"})
    void anAccountsOwnQuotaOverridesItsTiersAndTheRestStays(Tier tier, int quota) {
        // acct-quota-override has CUSTOM 25 and BASIC 3 in the test profile; the same candidates on every run
        String account = "acct-quota-override";
        for (int i = 0; i < quota; i++) {
            assertTrue(acquire(account, tier, "override-" + i).admitted(), "candidate " + i);
        }
        assertFalse(acquire(account, tier, "override-over").admitted());
    }

    private QuotaGate.Decision acquire(String account, Tier tier, String candidate) {
        return quota.acquire(account, tier, candidate).await().atMost(Duration.ofSeconds(5));
    }
}
