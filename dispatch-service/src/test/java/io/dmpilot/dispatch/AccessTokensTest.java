package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.douyin.DouyinErrors;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.dispatch.douyin.AccessTokens;
import io.dmpilot.kit.secrets.SecretBox;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class AccessTokensTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AccessTokens tokens;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    SecretBox box;

    /** The test profile's dmpilot.secrets.old-keys. */
    private static final String OLD_KEY = "ZG1waWxvdC10ZXN0LXJvdGF0ZWQtb3V0LW9sZC1rZXk=";

    @Test
    void expiredTokenIsRefreshedAndTheSendRetriedOnce() {
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "在吗");
        String conversation = inbound.conversationId();
        PlatformStub.failNext(conversation, DouyinErrors.TOKEN_EXPIRED);

        DispatchOutcome outcome;
        try (TopicProbe outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES)) {
            TopicProbe.send(
                    Topics.REPLY_VETTED, conversation, EventJson.write(Messages.reply(inbound, Tier.BASIC, "续期")));
            outcome = outcomes.awaitRecords(DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT)
                    .get(0);
        }

        assertEquals(Outcome.SENT, outcome.outcome());
        List<PlatformStub.Received> calls = PlatformStub.to(conversation);
        assertEquals(2, calls.size());
        assertEquals("sim-token", calls.get(0).accessToken());
        String fresh = calls.get(1).accessToken();
        OAuthStub.Refresh refresh = OAuthStub.REFRESHES.stream()
                .filter(r -> r.issued().equals(fresh))
                .findFirst()
                .orElseThrow();
        assertEquals("sim-refresh", refresh.refreshToken());
        assertEquals("refresh_token", refresh.grantType());
        assertEquals("sim-app", refresh.clientKey());
        assertEquals(fresh, current(inbound.accountOpenId()), "the account keeps the new token");
        Map<String, String> raw = raw(inbound.accountOpenId());
        assertTrue(raw.get("access").startsWith("v1:"), "stored sealed");
        assertFalse(raw.toString().contains(fresh), "the new token in clear in Redis");
    }

    /** A hash written before tokens were encrypted is read once as it is and sealed right away. */
    @Test
    void tokensStoredInClearBeforeEncryptionAreReadOnceAndSealed() {
        String account = Messages.account();
        store(
                account,
                "clear-access-" + account,
                "clear-refresh-" + account,
                System.currentTimeMillis() + 10 * 86_400_000L);

        assertEquals("clear-access-" + account, current(account));

        Map<String, String> raw = raw(account);
        assertTrue(raw.get("access").startsWith("v1:"), raw.get("access"));
        assertTrue(raw.get("refresh").startsWith("v1:"), raw.get("refresh"));
        assertFalse(raw.toString().contains("clear-"), "nothing in clear is left");
        assertEquals("clear-access-" + account, current(account), "and the sealed hash reads the same");
    }

    @Test
    void tokenCloseToExpiryIsRefreshedBeforeItIsUsed() {
        String account = Messages.account();
        long inAnHour = System.currentTimeMillis() + 3_600_000;
        store(account, "old-access", "old-refresh", inAnHour);

        String used = current(account);

        assertTrue(used.startsWith("fresh-access-"), used);
        assertTrue(OAuthStub.REFRESHES.stream().anyMatch(r -> r.refreshToken().equals("old-refresh")));
    }

    @Test
    void tokenFarFromExpiryIsUsedAsIs() {
        String account = Messages.account();
        store(account, "good-access", "good-refresh", System.currentTimeMillis() + 10 * 86_400_000L);

        assertEquals("good-access", current(account));
    }

    @Test
    void tokenRenewedByAnotherReplicaIsTakenInsteadOfRefreshingAgain() {
        String account = Messages.account();
        store(account, "renewed-elsewhere", "r", System.currentTimeMillis() + 10 * 86_400_000L);

        assertEquals("renewed-elsewhere", tokens.renew(account, "stale").await().atMost(WAIT));
    }

    /** After a key rotation, tokens sealed by the old key still work and are sealed again by the new one. */
    @Test
    void tokensSealedByARotatedOutKeyAreReadAndSealedAgainWithTheCurrentKey() {
        String account = Messages.account();
        SecretBox old = SecretBox.of(Optional.of(OLD_KEY), List.of());
        redis.hash(String.class)
                .hset(
                        "dispatch:token:{" + account + "}",
                        Map.of(
                                "access", old.seal(account, "old-key-access"),
                                "refresh", old.seal(account, "old-key-refresh"),
                                "expiresAt", Long.toString(System.currentTimeMillis() + 10 * 86_400_000L)))
                .await()
                .atMost(WAIT);

        assertEquals("old-key-access", current(account));

        Map<String, String> raw = raw(account);
        assertTrue(raw.get("access").startsWith("v1:" + box.currentKeyId() + ":"), "sealed by the current key");
        assertTrue(raw.get("refresh").startsWith("v1:" + box.currentKeyId() + ":"), "sealed by the current key");
        assertEquals("old-key-access", current(account));
    }

    private String current(String account) {
        return tokens.current(account).await().atMost(WAIT);
    }

    private Map<String, String> raw(String account) {
        return redis.hash(String.class)
                .hgetall("dispatch:token:{" + account + "}")
                .await()
                .atMost(WAIT);
    }

    /** As dispatch stored tokens before they were encrypted: in clear. */
    private void store(String account, String access, String refresh, long expiresAt) {
        redis.hash(String.class)
                .hset(
                        "dispatch:token:{" + account + "}",
                        Map.of("access", access, "refresh", refresh, "expiresAt", Long.toString(expiresAt)))
                .await()
                .atMost(WAIT);
    }
}
