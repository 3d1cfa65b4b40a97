package io.dmpilot.dispatch;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.serde.EventJson;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Makes sending idempotent: a candidate is claimed before the platform is called and its outcome stored
 * after, so a redelivered record replays the stored outcome instead of sending twice. A send whose answer
 * was lost (a crash mid-call) is confirmed by the platform's echo of it, when that echo arrived.
 */
@ApplicationScoped
public class SendLedger {
    private static final String PREFIX = "dispatch:send:";
    private static final String PENDING = "pending";

    private static final String CLAIM = """
            local previous = redis.call('GET', KEYS[1])
            if not previous then
              redis.call('SET', KEYS[1], 'pending', 'EX', ARGV[1])
              return {'first', ''}
            end
            if previous == 'pending' then return {'pending', redis.call('GET', KEYS[2]) or ''} end
            return {'decided', previous}
            """;

    /** The echo matches the conversation's in-flight send by text; only an undecided send is confirmed. */
    private static final String ECHOED = """
            local candidate = redis.call('HGET', KEYS[1], 'candidate')
            if not candidate or redis.call('HGET', KEYS[1], 'text') ~= ARGV[1] then return 0 end
            if redis.call('GET', ARGV[3] .. candidate) ~= 'pending' then return 0 end
            redis.call('SET', ARGV[4] .. candidate, ARGV[2], 'EX', ARGV[5])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final DispatchConfig config;

    public SendLedger(ReactiveRedisDataSource redis, DispatchConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** What an earlier delivery of this candidate left behind. */
    public sealed interface Claim {}

    public record First() implements Claim {}

    /** Decided before: replay this outcome. */
    public record Decided(DispatchOutcome outcome) implements Claim {}

    /**
     * Claimed but never decided: a crash mid-send. The platform's message id when its echo confirmed the
     * send; empty when whether the platform got it is unknown.
     */
    public record Unconfirmed(Optional<String> echoedMessageId) implements Claim {}

    public Uni<Claim> claim(String candidateId) {
        return redis.execute("EVAL", CLAIM, "2", PREFIX + candidateId, echoKey(candidateId), ttl())
                .map(r -> toClaim(r.get(0).toString(), r.get(1).toString()));
    }

    public Uni<Void> record(DispatchOutcome outcome) {
        return redis.execute("SET", PREFIX + outcome.candidateId(), EventJson.write(outcome), "EX", ttl())
                .replaceWithVoid();
    }

    /** Notes the send about to leave, so its echo can be recognised if the answer is lost. */
    public Uni<Void> inFlight(InboundEvent answered, String candidateId, String text) {
        return redis.execute(
                        "HSET",
                        inFlightKey(answered.accountOpenId(), answered.conversationId()),
                        "candidate",
                        candidateId,
                        "text",
                        text)
                .chain(() -> redis.execute(
                        "EXPIRE", inFlightKey(answered.accountOpenId(), answered.conversationId()), ttl()))
                .replaceWithVoid();
    }

    /** The platform echoed one of our sends; true when it confirmed a send whose answer never arrived. */
    public Uni<Boolean> echoed(InboundEvent echo) {
        return redis.execute(
                        "EVAL",
                        ECHOED,
                        "1",
                        inFlightKey(echo.accountOpenId(), echo.conversationId()),
                        echo.text() == null ? "" : echo.text(),
                        echo.serverMessageId(),
                        PREFIX,
                        "dispatch:echo:",
                        ttl())
                .map(r -> r.toInteger() == 1);
    }

    private String ttl() {
        return Long.toString(config.sendLedgerTtl().toSeconds());
    }

    private static String echoKey(String candidateId) {
        return "dispatch:echo:" + candidateId;
    }

    private static String inFlightKey(String account, String conversation) {
        return ConversationKeys.conversations(account) + conversation + ":in-flight";
    }

    private static Claim toClaim(String state, String value) {
        return switch (state) {
            case "first" -> new First();
            case "pending" -> new Unconfirmed(value.isEmpty() ? Optional.empty() : Optional.of(value));
            default -> new Decided(EventJson.read(value, DispatchOutcome.class));
        };
    }
}
