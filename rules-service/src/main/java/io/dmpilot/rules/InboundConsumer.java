package io.dmpilot.rules;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.contracts.serde.MalformedEventException;
import io.dmpilot.kit.KeyedRecords;
import io.dmpilot.kit.RecordLogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * dm.inbound.v1 → dm.reply-candidates.v1. The record is acknowledged only after the candidate is stored
 * in Kafka; a record that cannot be parsed fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class InboundConsumer {
    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);

    private final ReplyPlanner planner;
    private final MutinyEmitter<ReplyCandidate> candidates;
    private final MeterRegistry meters;
    private final ConversationState conversations;

    public InboundConsumer(
            ReplyPlanner planner,
            ConversationState conversations,
            @Channel(Channels.REPLY_CANDIDATES) MutinyEmitter<ReplyCandidate> candidates,
            MeterRegistry meters) {
        this.planner = planner;
        this.candidates = candidates;
        this.meters = meters;
        this.conversations = conversations;
    }

    /**
     * A failure of Redis, PostgreSQL or Kafka (a restart, a reset connection) is retried, the partition waiting
     * meanwhile, for up to 30 s; only then, or at once for a record that cannot be read, does the record go to
     * the dead-letter topic. Found by the fault benchmark: a 2 s Redis or PostgreSQL restart dead-lettered the
     * messages in flight, which then never got an outcome.
     */
    @Retry(maxRetries = 10, delay = 200, jitter = 100, maxDuration = 30_000, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 4_000)
    @Incoming(Channels.INBOUND)
    public Uni<Void> consume(String payload) {
        InboundEvent inbound = EventJson.read(payload, InboundEvent.class);
        if (inbound.kind() == InboundKind.HUMAN_REPLY) {
            // a person answered in the Douyin app: the next automatic reply is the first in a row again
            return conversations.humanReplied(inbound.conversationId());
        }
        if (inbound.kind() != InboundKind.USER_MESSAGE) {
            // echoes and chat-opened events are dispatch's and analytics' business
            return Uni.createFrom().voidItem();
        }
        return planner.plan(inbound).chain(this::emit);
    }

    private Uni<Void> emit(ReplyCandidate candidate) {
        InboundEvent inbound = candidate.inbound();
        // the record named the account; the agency is known once its rules are loaded
        RecordLogContext.tenant(inbound.accountOpenId(), candidate.agencyId());
        meters.counter("dmpilot_candidates_planned_total", "result", candidate.matched() ? "matched" : "no_match")
                .increment();
        LOG.debugf(
                "conversation %s: %s",
                inbound.conversationId(), candidate.matched() ? candidate.ruleId() : candidate.noMatchReason());
        return candidates.sendMessage(KeyedRecords.of(
                Topics.REPLY_CANDIDATES,
                "rules-service",
                inbound.conversationId(),
                candidate.candidateId(),
                inbound.traceId(),
                inbound.accountOpenId(),
                candidate));
    }
}
