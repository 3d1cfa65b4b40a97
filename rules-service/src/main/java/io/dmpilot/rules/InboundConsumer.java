package io.dmpilot.rules;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.KeyedRecords;
import io.dmpilot.kit.RecordBatches;
import io.dmpilot.kit.RecordLogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
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
    private final RecordBatches batches;

    public InboundConsumer(
            ReplyPlanner planner,
            ConversationState conversations,
            @Channel(Channels.REPLY_CANDIDATES) MutinyEmitter<ReplyCandidate> candidates,
            MeterRegistry meters,
            RecordBatches batches) {
        this.batches = batches;
        this.planner = planner;
        this.candidates = candidates;
        this.meters = meters;
        this.conversations = conversations;
    }

    /**
     * A poll at a time ({@link RecordBatches}): a record that cannot be read goes to the dead-letter topic at
     * once; a transient failure is retried first, the poll waiting meanwhile.
     */
    @Incoming(Channels.INBOUND)
    public Uni<Void> consume(Message<List<String>> batch) {
        return batches.handle(batch, InboundEvent.class, this::handle);
    }

    private Uni<Void> handle(InboundEvent inbound) {
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
