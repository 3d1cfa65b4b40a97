package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.dispatch.douyin.DouyinClient;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A slow platform meets a bulkhead of 2 calls in flight and 2 waiting (shrunk here, 64 + 256 in production). */
@QuarkusTest
@TestProfile(BulkheadTest.SmallBulkhead.class)
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class BulkheadTest {
    private static final int CALLS = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static class SmallBulkhead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "io.dmpilot.dispatch.douyin.DouyinClient/send/Bulkhead/value", "2",
                    "io.dmpilot.dispatch.douyin.DouyinClient/send/Bulkhead/waitingTaskQueue", "2");
        }
    }

    @Inject
    DouyinClient douyin;

    @Inject
    ReplyDispatcher dispatcher;

    private String account;

    @BeforeEach
    void slowPlatform() {
        account = Messages.account();
        PlatformStub.SLOW.add(account);
        PlatformStub.SLOW_MOST_IN_FLIGHT.set(0);
    }

    @AfterEach
    void normalPlatform() {
        PlatformStub.SLOW.remove(account);
    }

    @Test
    void callsBeyondTheBulkheadAreRefusedAtOnceAndNeverReachThePlatform() {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            DouyinSendRequest request = DouyinSendRequest.text("msg-" + i, "conv-bulkhead-" + i, "user", "你好");
            calls.add(douyin.send(account, "sim-token", request).subscribeAsCompletionStage());
        }
        int refused = 0;
        for (CompletableFuture<?> call : calls) {
            try {
                call.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                        .join();
            } catch (CompletionException e) {
                assertTrue(
                        e.getCause() instanceof BulkheadException, e.getCause().toString());
                refused++;
            }
        }

        assertEquals(CALLS - 4, refused, "2 in flight and 2 waiting were taken, the rest refused");
        assertEquals(4, PlatformStub.acceptedFor(account).size());
        assertTrue(PlatformStub.SLOW_MOST_IN_FLIGHT.get() <= 2, "at most 2 calls in flight");
    }

    @Test
    void repliesRefusedByAFullBulkheadAreTriedAgainAndAllLeave() {
        List<CompletableFuture<ReplyDispatcher.Dispatched>> replies = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            InboundEvent inbound = SampleEvents.userMessage(account, "问题" + i);
            replies.add(dispatcher
                    .dispatch(Messages.reply(inbound, Tier.BASIC, "回复" + i))
                    .subscribeAsCompletionStage());
        }

        for (var reply : replies) {
            assertEquals(
                    Outcome.SENT,
                    reply.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                            .join()
                            .outcome()
                            .outcome());
        }
        List<PlatformStub.Received> taken = PlatformStub.acceptedFor(account);
        assertEquals(
                CALLS,
                taken.size(),
                () -> "each reply taken exactly once: "
                        + taken.stream()
                                .map(r -> r.request().conversationId() + "@" + r.at())
                                .toList());
        assertTrue(PlatformStub.SLOW_MOST_IN_FLIGHT.get() <= 2, "at most 2 calls in flight");
    }
}
