package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class CircuitBreakerTest {
    private static final int REPLIES = 15;

    @Inject
    ReplyDispatcher dispatcher;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void platformOutageOpensTheCircuitLosesNothingAndDrainsWithinQuotaAfterRecovery() {
        String account = Messages.account();
        PlatformStub.OUTAGE.add(account);
        List<CompletableFuture<ReplyDispatcher.Dispatched>> replies = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            InboundEvent inbound = SampleEvents.userMessage(account, "问题" + i);
            replies.add(dispatcher
                    .dispatch(Messages.reply(inbound, Tier.CUSTOM, "回复" + i))
                    .subscribeAsCompletionStage());
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> breakers.currentState("douyin-send") == CircuitBreakerState.OPEN);
        assertTrue(replies.stream().noneMatch(CompletableFuture::isDone), "no reply given up during the outage");
        PlatformStub.OUTAGE.remove(account);

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> replies.stream().allMatch(CompletableFuture::isDone));
        assertTrue(replies.stream().allMatch(r -> r.join().outcome().outcome() == Outcome.SENT));
        List<PlatformStub.Received> taken = PlatformStub.acceptedFor(account);
        assertEquals(REPLIES, taken.size(), "each reply taken exactly once");
        assertEquals(
                REPLIES,
                taken.stream().map(r -> r.request().conversationId()).distinct().count());
        long tokens = redis.sortedSet(String.class)
                .zcard(QuotaGate.key(account, Tier.CUSTOM))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertEquals(REPLIES, tokens, "failed attempts gave their quota tokens back");
        assertTrue(tokens <= Tier.CUSTOM.repliesPerMinute());
    }
}
