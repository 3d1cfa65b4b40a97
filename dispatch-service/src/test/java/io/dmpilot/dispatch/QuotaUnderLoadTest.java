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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Four dispatchers, each on its own Redis connection, race 1,000 replies of one account through the quota
 * gate to the platform. What counts is what the platform stand-in took.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class QuotaUnderLoadTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int REPLIES = 1_000;
    private static final int DISPATCHERS = 4;

    @Inject
    DispatcherConnections dispatchers;

    @Inject
    DispatchConfig config;

    @Inject
    PlatformSender sender;

    @Test
    void fourDispatchersSendExactlyEachTiersQuotaPerRollingMinuteAndNoneOver() throws Exception {
        String account = Messages.account();
        List<QuotaGate> gates = dispatchers.gates();
        ExecutorService threads = Executors.newFixedThreadPool(DISPATCHERS);
        List<Future<?>> done = new ArrayList<>();
        for (int d = 0; d < DISPATCHERS; d++) {
            QuotaGate gate = gates.get(d);
            int first = d;
            done.add(threads.submit(() -> {
                for (int i = first; i < REPLIES; i += DISPATCHERS) sendIfAdmitted(gate, account, i);
            }));
        }
        for (Future<?> f : done) f.get();
        threads.shutdown();

        List<PlatformStub.Received> taken = PlatformStub.acceptedFor(account);
        for (Tier tier : Tier.values()) {
            List<Long> times = taken.stream()
                    .filter(r -> tier.name().equals(r.request().content().text().text()))
                    .map(PlatformStub.Received::at)
                    .sorted()
                    .toList();
            assertEquals(tier.repliesPerMinute(), times.size(), tier + " sends");
            assertTrue(
                    mostInAnyWindow(times, config.quotaWindow().toMillis()) <= tier.repliesPerMinute(),
                    tier + " over quota in a rolling minute");
        }
        assertEquals(170, taken.size());
    }

    private void sendIfAdmitted(QuotaGate gate, String account, int i) {
        Tier tier = Tier.values()[i % Tier.values().length];
        String candidate = "cand-" + i;
        if (!gate.acquire(account, tier, candidate).await().atMost(WAIT).admitted()) return;
        DouyinSendRequest request = DouyinSendRequest.text("msg-" + i, "conv-load-" + i, "user-" + i, tier.name());
        sender.send(account, request).await().atMost(WAIT);
    }

    /** The largest number of sends inside any window starting at a send. */
    static int mostInAnyWindow(List<Long> sortedTimes, long window) {
        int most = 0;
        for (int start = 0, end = 0; start < sortedTimes.size(); start++) {
            while (end < sortedTimes.size() && sortedTimes.get(end) < sortedTimes.get(start) + window) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }
}
