package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Tier;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas' ledgers over the real Redis, as a rebalance puts them side by side on one reply. */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class SendLedgerFencingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** When the quota admitted the send the crashed replica noted: Redis' clock, any time will do. */
    private static final long ADMITTED_AT = 1_790_000_000_000L;

    @Inject
    DispatchConfig config;

    @Inject
    OtherReplicas replicas;

    @Inject
    ReactiveRedisDataSource redis;

    private final InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "在吗");
    private final VettedReply reply = Messages.reply(inbound, Tier.BASIC, "回复");
    private final String candidate = reply.candidate().candidateId();
    private SendLedger oldOwner;
    private SendLedger newOwner;

    @AfterEach
    void stop() {
        if (oldOwner != null) oldOwner.stopRenewing();
        if (newOwner != null) newOwner.stopRenewing();
    }

    @Test
    void aLiveOwnersClaimIsHeldAcrossManyLeasePeriods() {
        oldOwner = replicas.ledger("old");
        newOwner = replicas.ledger("new");
        assertInstanceOf(SendLedger.First.class, claim(oldOwner));
        Duration threeLeases = config.claimLease().multipliedBy(3);
        Awaitility.await()
                .during(threeLeases)
                .atMost(threeLeases.plus(WAIT))
                .pollInterval(config.claimLease().dividedBy(4))
                .until(() -> claim(newOwner) instanceof SendLedger.Held);
        assertTrue(oldOwner.inFlight(inbound, candidate, reply.text(), ADMITTED_AT)
                .await()
                .atMost(WAIT));
    }

    @Test
    void aLapsedOwnerIsFencedOffOnceAnotherReplicaTookTheReplyOver() {
        oldOwner = replicas.ledger("old");
        newOwner = replicas.ledger("new");
        assertInstanceOf(SendLedger.First.class, claim(oldOwner));
        oldOwner.stopRenewing();

        Awaitility.await().atMost(WAIT).until(() -> claim(newOwner) instanceof SendLedger.First);

        assertFalse(
                oldOwner.inFlight(inbound, candidate, reply.text(), ADMITTED_AT)
                        .await()
                        .atMost(WAIT),
                "must not send");
        assertFalse(oldOwner.record(OutcomeFactory.of(reply, Outcome.SENT, "late"))
                .await()
                .atMost(WAIT));
        assertTrue(newOwner.inFlight(inbound, candidate, reply.text(), ADMITTED_AT)
                .await()
                .atMost(WAIT));
        assertTrue(newOwner.record(OutcomeFactory.of(reply, Outcome.SENT, "by-new-owner"))
                .await()
                .atMost(WAIT));
        SendLedger.Claim after = claim(replicas.ledger("third"));
        assertEquals("by-new-owner", ((SendLedger.Decided) after).outcome().detail());
    }

    /**
     * Found under load by the fault benchmark: a Redis restart lost the leases, and every reply in flight was
     * dropped as "taken over" with no outcome at all. Nobody took them over: the owner takes its lease back.
     */
    @Test
    void anOwnerWhoseLeaseRedisLostSendsAndRecordsWhenNobodyTookTheReplyOver() {
        oldOwner = replicas.ledger("old");
        assertInstanceOf(SendLedger.First.class, claim(oldOwner));
        redis.key()
                .del("dispatch:lease:" + candidate, "dispatch:send:" + candidate)
                .await()
                .atMost(WAIT);

        assertTrue(
                oldOwner.inFlight(inbound, candidate, reply.text(), ADMITTED_AT)
                        .await()
                        .atMost(WAIT),
                "must still send");
        newOwner = replicas.ledger("new");
        assertInstanceOf(SendLedger.Held.class, claim(newOwner), "the lease is the owner's again");
        assertTrue(oldOwner.record(OutcomeFactory.of(reply, Outcome.SENT, "after-redis-restart"))
                .await()
                .atMost(WAIT));
        SendLedger.Claim after = claim(newOwner);
        assertEquals(
                "after-redis-restart", ((SendLedger.Decided) after).outcome().detail());
    }

    @Test
    void anOwnerWhoseLeaseLapsedAfterAnotherReplicaDecidedIsStillFenced() {
        oldOwner = replicas.ledger("old");
        newOwner = replicas.ledger("new");
        assertInstanceOf(SendLedger.First.class, claim(oldOwner));
        oldOwner.stopRenewing();
        redis.key().del("dispatch:lease:" + candidate).await().atMost(WAIT);
        assertInstanceOf(SendLedger.First.class, claim(newOwner));
        assertTrue(newOwner.record(OutcomeFactory.of(reply, Outcome.SENT, "by-new-owner"))
                .await()
                .atMost(WAIT));

        assertFalse(
                oldOwner.inFlight(inbound, candidate, reply.text(), ADMITTED_AT)
                        .await()
                        .atMost(WAIT),
                "must not send");
    }

    @Test
    void anAbandonedClaimIsTakenOverAtOnce() {
        oldOwner = replicas.ledger("old");
        newOwner = replicas.ledger("new");
        claim(oldOwner);
        oldOwner.abandon(candidate).await().atMost(WAIT);
        assertInstanceOf(SendLedger.First.class, claim(newOwner));
    }

    private SendLedger.Claim claim(SendLedger ledger) {
        return ledger.claim(inbound, candidate).await().atMost(WAIT);
    }
}
