package io.dmpilot.dispatch;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.serde.EventJson;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes sending idempotent across replicas: a reply is claimed before it is decided and its outcome stored
 * after, so a redelivered record replays the stored outcome instead of sending twice.
 *
 * <p>The claim carries a lease its replica keeps renewing ({@link ClaimLeases}). After a rebalance the new
 * owner of a partition may receive a reply the old owner is still deciding: while the lease lives it waits for
 * that outcome. Once the lease lapses (the old owner died) it takes the reply over, and from then on the old
 * owner is fenced: sending and recording both check the lease first, atomically. What the takeover finds
 * decides the rest: the old owner never got to the send (decide afresh), its send was echoed by the platform
 * (SENT), or it was mid-send and nothing says whether the platform got it (unconfirmed).
 */
@ApplicationScoped
public class SendLedger {
    private static final String PREFIX = "dispatch:send:";
    private static final String LEASE = "dispatch:lease:";
    private static final String ECHO = "dispatch:echo:";

    /**
     * KEYS: claim, lease, echo, the conversation's in-flight send. ARGV: ttl s, owner, lease ms, candidate.
     */
    private static final String CLAIM = """
            local previous = redis.call('GET', KEYS[1])
            if previous and previous ~= 'pending' then return {'decided', previous} end
            local holder = redis.call('GET', KEYS[2])
            if previous and holder then return {'held', holder} end
            redis.call('SET', KEYS[1], 'pending', 'EX', ARGV[1])
            redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
            if not previous then return {'first', ''} end
            local echoed = redis.call('GET', KEYS[3])
            local ours = redis.call('HGET', KEYS[4], 'candidate') == ARGV[4]
            local admitted = ours and redis.call('HGET', KEYS[4], 'admitted') or ''
            if echoed then return {'pending', echoed, admitted} end
            if ours then return {'pending', '', admitted} end
            return {'first', ''}
            """;

    /**
     * KEYS: lease, in-flight send, claim. ARGV: owner, lease ms, candidate, text, ttl s, admitted ms. Fenced when another replica
     * holds the lease, or decided the reply. A lease that is simply gone — Redis restarted and lost it, or it could
     * not be renewed for a while — with nobody's decision recorded is taken back: no other replica took the reply
     * over (a takeover holds the lease until it records), so giving up here would leave the reply without an outcome.
     */
    private static final String IN_FLIGHT = """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return 0 end
            if not holder then
              local decided = redis.call('GET', KEYS[3])
              if decided and decided ~= 'pending' then return 0 end
              redis.call('SET', KEYS[3], 'pending', 'EX', ARGV[5])
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('HSET', KEYS[2], 'candidate', ARGV[3], 'text', ARGV[4], 'admitted', ARGV[6])
            redis.call('EXPIRE', KEYS[2], ARGV[5])
            return 1
            """;

    /** KEYS: claim, lease. ARGV: outcome, ttl s, owner. Refused only when another replica holds the lease. */
    private static final String RECORD = """
            local holder = redis.call('GET', KEYS[2])
            if holder and holder ~= ARGV[3] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            redis.call('DEL', KEYS[2])
            return 1
            """;

    private static final String ABANDON = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            return 0
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
    private final ClaimLeases leases;

    @Inject
    public SendLedger(ReactiveRedisDataSource redis, DispatchConfig config, Vertx vertx) {
        this(redis, config, vertx, "dispatch-" + UUID.randomUUID());
    }

    /** One ledger per replica: {@code owner} names the replica in the leases it holds. */
    SendLedger(ReactiveRedisDataSource redis, DispatchConfig config, Vertx vertx, String owner) {
        this.redis = redis;
        this.config = config;
        this.leases = new ClaimLeases(redis, vertx, owner, config.claimLease());
    }

    @PreDestroy
    void stopRenewing() {
        leases.close();
    }

    /** What an earlier delivery of this candidate left behind. */
    public sealed interface Claim {}

    /** Ours to decide: nobody decided it, or its owner died before sending. */
    public record First() implements Claim {}

    /** Decided before: replay this outcome. */
    public record Decided(DispatchOutcome outcome) implements Claim {}

    /** A live replica is deciding it right now: wait for its outcome. */
    public record Held(String owner) implements Claim {}

    /**
     * Taken over from a replica that died mid-send. The platform's message id when its echo confirmed the
     * send; empty when whether the platform got it is unknown. {@code admittedAt}: when the quota admitted the send
     * (0 if not known), so its outcome still says where it counts.
     */
    public record Unconfirmed(Optional<String> echoedMessageId, long admittedAt) implements Claim {}

    public Uni<Claim> claim(InboundEvent answered, String candidateId) {
        return redis.execute(
                        "EVAL",
                        CLAIM,
                        "4",
                        PREFIX + candidateId,
                        LEASE + candidateId,
                        ECHO + candidateId,
                        inFlightKey(answered.accountOpenId(), answered.conversationId()),
                        ttl(),
                        leases.owner(),
                        leases.leaseMillis(),
                        candidateId)
                .map(r -> toClaim(
                        r.get(0).toString(),
                        r.get(1).toString(),
                        r.size() > 2 ? r.get(2).toString() : ""))
                .invoke(claim -> {
                    if (claim instanceof First || claim instanceof Unconfirmed) leases.hold(LEASE + candidateId);
                });
    }

    /** Stores the decision; false when another replica took the reply over meanwhile (its outcome counts). */
    public Uni<Boolean> record(DispatchOutcome outcome) {
        String candidateId = outcome.candidateId();
        return redis.execute(
                        "EVAL",
                        RECORD,
                        "2",
                        PREFIX + candidateId,
                        LEASE + candidateId,
                        EventJson.write(outcome),
                        ttl(),
                        leases.owner())
                .map(r -> r.toInteger() == 1)
                .eventually(() -> leases.drop(LEASE + candidateId));
    }

    /**
     * Notes the send about to leave, so its echo can be recognised if the answer is lost. False when this
     * replica no longer holds the claim: the reply is someone else's now and must not be sent from here.
     */
    public Uni<Boolean> inFlight(InboundEvent answered, String candidateId, String text, long admittedAt) {
        return redis.execute(
                        "EVAL",
                        IN_FLIGHT,
                        "3",
                        LEASE + candidateId,
                        inFlightKey(answered.accountOpenId(), answered.conversationId()),
                        PREFIX + candidateId,
                        leases.owner(),
                        leases.leaseMillis(),
                        candidateId,
                        text,
                        ttl(),
                        Long.toString(admittedAt))
                .map(r -> r.toInteger() == 1);
    }

    /**
     * Lets go of a claim this replica could not decide (the record goes to the dead-letter topic): a later
     * delivery takes it over at once instead of waiting out the lease.
     */
    public Uni<Void> abandon(String candidateId) {
        leases.drop(LEASE + candidateId);
        return redis.execute("EVAL", ABANDON, "1", LEASE + candidateId, leases.owner())
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
                        ECHO,
                        ttl())
                .map(r -> r.toInteger() == 1);
    }

    /** The platform's message id of a confirmed echo of this candidate's send, if one arrived. */
    public Uni<Optional<String>> echoOf(String candidateId) {
        return redis.execute("GET", ECHO + candidateId)
                .map(r -> r == null ? Optional.empty() : Optional.of(r.toString()));
    }

    /** How long a waiting replica sleeps before it asks again about a reply another replica holds. */
    public Duration heldPoll() {
        return config.claimLease().dividedBy(3);
    }

    private String ttl() {
        return Long.toString(config.sendLedgerTtl().toSeconds());
    }

    private static String inFlightKey(String account, String conversation) {
        return ConversationKeys.conversations(account) + conversation + ":in-flight";
    }

    private static Claim toClaim(String state, String value, String admitted) {
        return switch (state) {
            case "first" -> new First();
            case "held" -> new Held(value);
            case "pending" ->
                new Unconfirmed(
                        value.isEmpty() ? Optional.empty() : Optional.of(value),
                        admitted.isEmpty() ? 0 : Long.parseLong(admitted));
            default -> new Decided(EventJson.read(value, DispatchOutcome.class));
        };
    }
}
