package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.dispatch.douyin.PlatformSender;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The quota over several rolling windows, in seconds: the window is shrunk to 3 s (the quotas stay
 * 100/50/20). Four dispatchers, each on its own single Redis connection, push 1,000 replies of one account
 * (each dispatcher one lane per tier, as if each tier's replies sat on their own partition);
 * a reply over quota waits for the time the gate names, as the dispatcher does, unless that would carry it
 * past its deadline (2.5 windows after the start). Each tier must fill every window to exactly its quota and
 * never go over in any rolling window — judged on Redis' own clock, which the gate decides by — and every
 * admitted reply must have reached the platform.
 */
@QuarkusTest
@TestProfile(QuotaRollingWindowTest.ShortWindow.class)
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class QuotaRollingWindowTest {
    private static final int REPLIES = 1_000;
    private static final int DISPATCHERS = 4;
    private static final Duration WINDOW = Duration.ofSeconds(3);

    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dmpilot.dispatch.quota-window", WINDOW.toMillis() + "ms");
        }
    }

    private record Admission(Tier tier, long redisMillis, int dispatcher) {}

    @Inject
    DispatcherConnections dispatchers;

    @Inject
    DispatchConfig config;

    @Inject
    PlatformSender sender;

    @Test
    void fourDispatchersFillEveryRollingWindowToExactlyEachTiersQuotaAndNeverOver() {
        String account = Messages.account();
        List<QuotaGate> gates = dispatchers.gates();
        Queue<Admission> admissions = new ConcurrentLinkedQueue<>();
        long deadline = System.currentTimeMillis() + WINDOW.toMillis() * 5 / 2;
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int d = 0; d < DISPATCHERS; d++) {
            for (Tier tier : Tier.values()) {
                lanes.add(lane(gates, account, d, tier, deadline, admissions));
            }
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
                .orTimeout(60, TimeUnit.SECONDS)
                .join();

        List<PlatformStub.Received> taken = PlatformStub.acceptedFor(account);
        for (Tier tier : Tier.values()) {
            List<Long> times = admissions.stream()
                    .filter(a -> a.tier() == tier)
                    .map(Admission::redisMillis)
                    .sorted()
                    .toList();
            int quota = tier.repliesPerMinute();
            assertEquals(
                    quota,
                    QuotaUnderLoadTest.mostInAnyWindow(times, WINDOW.toMillis()),
                    tier + ": the most in any rolling window is exactly the quota");
            assertTrue(times.size() >= 2 * quota, tier + ": the window rolled and filled again, " + times.size());
            assertEquals(
                    times.size(),
                    taken.stream()
                            .filter(r -> tier.name()
                                    .equals(r.request().content().text().text()))
                            .count(),
                    tier + ": every admitted reply reached the platform, no other");
        }
        assertEquals(
                DISPATCHERS,
                admissions.stream().map(Admission::dispatcher).distinct().count(),
                "all four dispatchers took part");
    }

    /**
     * The replies of one tier that one dispatcher handles, one after the other, as a consumer handles the
     * records of a partition in order (a reply waiting for quota holds its partition, not a thread).
     */
    private CompletableFuture<Void> lane(
            List<QuotaGate> gates, String account, int dispatcher, Tier tier, long deadline, Queue<Admission> out) {
        List<Integer> mine = IntStream.range(0, REPLIES)
                .filter(i -> i % DISPATCHERS == dispatcher && Tier.values()[i % Tier.values().length] == tier)
                .boxed()
                .toList();
        return Multi.createFrom()
                .iterable(mine)
                .onItem()
                .transformToUniAndConcatenate(i -> attempt(gates, account, i, deadline, out))
                .collect()
                .last()
                .replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    /** One reply, as a dispatcher handles it: admitted and sent, or waiting, or given up at its deadline. */
    private Uni<Void> attempt(List<QuotaGate> gates, String account, int i, long deadline, Queue<Admission> out) {
        Tier tier = Tier.values()[i % Tier.values().length];
        int dispatcher = i % DISPATCHERS;
        return gates.get(dispatcher).acquire(account, tier, "cand-" + i).chain(decision -> {
            if (decision.admitted()) {
                out.add(new Admission(tier, decision.redisMillis(), dispatcher));
                DouyinSendRequest request =
                        DouyinSendRequest.text("msg-" + i, "conv-roll-" + i, "user-" + i, tier.name());
                return sender.send(account, request).replaceWithVoid();
            }
            if (System.currentTimeMillis() + decision.retryAfterMillis() > deadline) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(Duration.ofMillis(decision.retryAfterMillis() + 1))
                    .chain(() -> attempt(gates, account, i, deadline, out));
        });
    }
}
