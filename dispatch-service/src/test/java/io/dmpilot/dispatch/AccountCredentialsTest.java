package io.dmpilot.dispatch;

import static io.dmpilot.testing.OperatorKeys.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.AuditRecord;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.douyin.DouyinErrors;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.dispatch.douyin.TokenStore;
import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An account's platform tokens over REST (docs/SECURITY.md): set by its agency's admin, stored sealed in Redis,
 * used by the account's sends and renewed sealed; never shown by an answer nor written to the service's log.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class AccountCredentialsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The service's own log of this test run (application.properties, test profile). */
    private static final Path LOG = Path.of("target/quarkus-test.log");

    private static final String PATH = "/dispatch/accounts/{account}/credentials";
    private static final String AGENCY = "creds-agency-a";
    /** As long as the platform's tokens last: far from the refresh margin (24 h), so used as they are. */
    private static final long FIFTEEN_DAYS = 15 * 86_400;

    /** Every answer of this class, searched for every token this class handed over or saw issued. */
    private static final Queue<String> ANSWERS = new ConcurrentLinkedQueue<>();

    @Inject
    AccountDirectory directory;

    @Inject
    ApiKeyStore keys;

    @Inject
    TokenStore store;

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void aTokenPutOverRestIsStoredSealedAndUsedByTheAccountsSends() throws IOException {
        String account = account(AGENCY);
        Tokens tokens = Tokens.random();

        Response put = keep(as(admin(AGENCY))
                .contentType("application/json")
                .body(tokens.body(FIFTEEN_DAYS))
                .put(PATH, account));
        put.then().statusCode(200).body("configured", equalTo(true)).body("expiresAt", notNullValue());

        Map<String, String> raw = rawHash(account);
        assertSealed(raw, tokens.access(), tokens.refresh());
        InboundEvent inbound = SampleEvents.userMessage(account, "在吗");
        assertEquals(Outcome.SENT, send(inbound, "您好").outcome());
        assertEquals(List.of(tokens.access()), tokensSentFor(inbound.conversationId()));
        assertNeverShown(tokens.access(), tokens.refresh());
    }

    @Test
    void aRefreshOfAnAccountsOwnTokensStoresTheNewOnesSealed() throws IOException {
        String account = account(AGENCY);
        Tokens tokens = Tokens.random();
        keep(as(admin(AGENCY))
                        .contentType("application/json")
                        .body(tokens.body(FIFTEEN_DAYS))
                        .put(PATH, account))
                .then()
                .statusCode(200);
        InboundEvent inbound = SampleEvents.userMessage(account, "在吗");
        PlatformStub.failNext(inbound.conversationId(), DouyinErrors.TOKEN_EXPIRED);

        assertEquals(Outcome.SENT, send(inbound, "续期").outcome());

        List<String> sent = tokensSentFor(inbound.conversationId());
        assertEquals(tokens.access(), sent.get(0));
        String fresh = sent.get(1);
        OAuthStub.Refresh refresh = OAuthStub.REFRESHES.stream()
                .filter(r -> r.issued().equals(fresh))
                .findFirst()
                .orElseThrow();
        assertEquals(tokens.refresh(), refresh.refreshToken(), "renewed with the account's own refresh token");
        String freshRefresh = "fresh-refresh-" + fresh.substring("fresh-access-".length());
        assertSealed(rawHash(account), fresh, freshRefresh);
        TokenStore.Stored stored = store.read(account).await().atMost(WAIT).orElseThrow();
        assertEquals(fresh, stored.token().access());
        assertEquals(freshRefresh, stored.token().refresh());
        assertNeverShown(tokens.access(), tokens.refresh(), fresh, freshRefresh);
    }

    /** Setting and removing an account's tokens are in the audit log, as the status a GET shows: never a token. */
    @Test
    void settingAndRemovingTokensAreAuditedWithoutTheTokens() {
        String account = account(AGENCY);
        String admin = admin(AGENCY);
        Tokens tokens = Tokens.random();
        try (TopicProbe audit = TopicProbe.open(Topics.AUDIT_CHANGES)) {
            keep(as(admin)
                            .contentType("application/json")
                            .body(tokens.body(3_600))
                            .put(PATH, account))
                    .then()
                    .statusCode(200);
            keep(as(admin).delete(PATH, account)).then().statusCode(204);
            keep(as(admin).delete(PATH, account)).then().statusCode(204); // nothing left to remove: no entry

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> audit.records(AuditRecord.class, r -> account.equals(r.entityId())).stream()
                            .anyMatch(r -> r.action().equals("remove")));
            List<AuditRecord> records = audit.records(AuditRecord.class, r -> account.equals(r.entityId()));
            assertEquals(
                    List.of("set", "remove"),
                    records.stream().map(AuditRecord::action).toList());
            assertEquals("account-credentials", records.get(0).entity());
            assertEquals(AGENCY, records.get(0).agencyId());
            assertFalse(records.get(0).before().path("configured").asBoolean());
            assertTrue(records.get(0).after().path("configured").asBoolean());
            assertTrue(records.get(1).before().path("configured").asBoolean());
            assertNull(records.get(1).after());
            audit.rawRecords().forEach(r -> {
                assertFalse(r.value().contains(tokens.access()), "an access token in the audit");
                assertFalse(r.value().contains(tokens.refresh()), "a refresh token in the audit");
            });
        }
    }

    @Test
    void getSaysOnlyWhetherThereAreTokensAndDeleteGoesBackToTheConfiguredOnes() throws IOException {
        String account = account(AGENCY);
        String admin = admin(AGENCY);
        Tokens tokens = Tokens.random();
        keep(as(admin).get(PATH, account))
                .then()
                .statusCode(200)
                .body("configured", equalTo(false))
                .body("expiresAt", nullValue())
                .body("updatedAt", nullValue());
        keep(as(admin).contentType("application/json").body(tokens.body(3_600)).put(PATH, account))
                .then()
                .statusCode(200);

        Response got = keep(as(admin).get(PATH, account));
        got.then().statusCode(200).body("configured", equalTo(true));
        assertEquals(
                List.of("configured", "expiresAt", "updatedAt"),
                got.jsonPath().getMap("").keySet().stream().sorted().toList());
        Instant expiresAt = Instant.parse(got.jsonPath().getString("expiresAt"));
        Instant updatedAt = Instant.parse(got.jsonPath().getString("updatedAt"));
        assertEquals(3_600, Duration.between(updatedAt, expiresAt).toSeconds(), 5);

        keep(as(admin).delete(PATH, account)).then().statusCode(204);
        keep(as(admin).get(PATH, account)).then().statusCode(200).body("configured", equalTo(false));
        assertTrue(rawHash(account).isEmpty());
        InboundEvent inbound = SampleEvents.userMessage(account, "在吗");
        assertEquals(Outcome.SENT, send(inbound, "您好").outcome());
        assertEquals(List.of("sim-token"), tokensSentFor(inbound.conversationId()), "the configured token again");
        assertNeverShown(tokens.access(), tokens.refresh());
    }

    @Test
    void anotherAgencysAccountIs404AndAnOperatorIsRefused() throws IOException {
        String foreign = account("creds-agency-b");
        String admin = admin(AGENCY);
        Tokens tokens = Tokens.random();

        for (Response answer : List.of(
                keep(as(admin).get(PATH, foreign)),
                keep(as(admin)
                        .contentType("application/json")
                        .body(tokens.body(60))
                        .put(PATH, foreign)),
                keep(as(admin).delete(PATH, foreign)))) {
            answer.then().statusCode(404).body("detail", equalTo("no account " + foreign));
        }
        assertTrue(rawHash(foreign).isEmpty(), "nothing was written for the other agency's account");

        String own = account(AGENCY);
        String operator = keys.issue(AGENCY, Roles.OPERATOR, "credentials test")
                .await()
                .atMost(WAIT)
                .key()
                .value();
        keep(as(operator).contentType("application/json").body(tokens.body(60)).put(PATH, own))
                .then()
                .statusCode(403);
        keep(as(operator).get(PATH, own)).then().statusCode(403);
        assertNeverShown(tokens.access(), tokens.refresh());
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(Map.of("refreshToken", "r1", "expiresIn", 60), "accessToken"),
                Arguments.of(Map.of("accessToken", "", "refreshToken", "r1", "expiresIn", 60), "accessToken"),
                Arguments.of(Map.of("accessToken", "a b", "refreshToken", "r1", "expiresIn", 60), "accessToken"),
                Arguments.of(
                        Map.of("accessToken", "a".repeat(513), "refreshToken", "r1", "expiresIn", 60), "accessToken"),
                Arguments.of(Map.of("accessToken", "a1", "expiresIn", 60), "refreshToken"),
                Arguments.of(Map.of("accessToken", "a1", "refreshToken", "令牌", "expiresIn", 60), "refreshToken"),
                Arguments.of(Map.of("accessToken", "a1", "refreshToken", "r1"), "expiresIn"),
                Arguments.of(Map.of("accessToken", "a1", "refreshToken", "r1", "expiresIn", 0), "expiresIn"),
                Arguments.of(Map.of("accessToken", "a1", "refreshToken", "r1", "expiresIn", 400 * 86_400), "expiresIn"),
                Arguments.of(Map.of("accessToken", "a1", "refreshToken", "r1", "expiresIn", "soon"), "expiresIn"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badBodies")
    void aBadBodyIs400NamingTheField(Map<String, Object> body, String field) {
        String account = account(AGENCY);

        keep(as(admin(AGENCY)).contentType("application/json").body(body).put(PATH, account))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
        assertTrue(rawHash(account).isEmpty());
    }

    private DispatchOutcome send(InboundEvent inbound, String text) {
        String conversation = inbound.conversationId();
        try (TopicProbe outcomes = TopicProbe.open(Topics.DISPATCH_OUTCOMES)) {
            TopicProbe.send(
                    Topics.REPLY_VETTED, conversation, EventJson.write(Messages.reply(inbound, Tier.BASIC, text)));
            return outcomes.awaitRecords(DispatchOutcome.class, o -> conversation.equals(o.conversationId()), WAIT)
                    .get(0);
        }
    }

    private static List<String> tokensSentFor(String conversation) {
        return PlatformStub.to(conversation).stream()
                .map(PlatformStub.Received::accessToken)
                .toList();
    }

    private Map<String, String> rawHash(String account) {
        return redis.hash(String.class)
                .hgetall("dispatch:token:{" + account + "}")
                .await()
                .atMost(WAIT);
    }

    /** The hash as Redis holds it: both tokens sealed, neither in clear anywhere in it. */
    private static void assertSealed(Map<String, String> raw, String access, String refresh) {
        assertTrue(raw.get("access").startsWith("v1:"), "access sealed");
        assertTrue(raw.get("refresh").startsWith("v1:"), "refresh sealed");
        String all = raw.toString();
        assertFalse(all.contains(access), "the access token in clear in Redis");
        assertFalse(all.contains(refresh), "the refresh token in clear in Redis");
    }

    /** Neither an answer of this class nor the service's whole log holds any of {@code tokens}. */
    private static void assertNeverShown(String... tokens) throws IOException {
        assertTrue(Files.exists(LOG), "the test profile logs to " + LOG);
        String log = Files.readString(LOG);
        for (String token : tokens) {
            assertFalse(log.contains(token), "the log holds a token");
            ANSWERS.forEach(answer -> assertFalse(answer.contains(token), "an answer holds a token: " + answer));
        }
    }

    private static Response keep(Response response) {
        ANSWERS.add(response.asString() + " " + response.headers());
        return response;
    }

    private String admin(String agency) {
        return keys.issue(agency, Roles.ADMIN, "credentials test")
                .await()
                .atMost(WAIT)
                .key()
                .value();
    }

    private String account(String agency) {
        String openId = "acct-creds-" + UUID.randomUUID();
        directory.put(new KnownAccount(openId, agency));
        return openId;
    }

    /** Values no other test uses, so finding one in a log or an answer can only mean it leaked. */
    private record Tokens(String access, String refresh) {
        static Tokens random() {
            return new Tokens("act." + UUID.randomUUID(), "rft." + UUID.randomUUID());
        }

        Map<String, Object> body(long expiresIn) {
            return Map.of("accessToken", access, "refreshToken", refresh, "expiresIn", expiresIn);
        }
    }
}
