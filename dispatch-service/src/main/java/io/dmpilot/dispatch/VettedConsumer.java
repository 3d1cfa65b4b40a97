package io.dmpilot.dispatch;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.Handoff;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.kit.KeyedRecords;
import io.dmpilot.kit.TransientRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** dm.reply-vetted.v1 → the platform, dm.dispatch-outcomes.v1 and, when a person must step in, dm.handoffs.v1. */
@ApplicationScoped
public class VettedConsumer {
    private static final Logger LOG = Logger.getLogger(VettedConsumer.class);
    private static final String SOURCE = "dispatch-service";

    private final ReplyDispatcher dispatcher;
    private final MutinyEmitter<DispatchOutcome> outcomes;
    private final MutinyEmitter<Handoff> handoffs;
    private final MeterRegistry meters;
    private final ConversationLanes lanes;

    public VettedConsumer(
            ReplyDispatcher dispatcher,
            @Channel(Channels.DISPATCH_OUTCOMES) MutinyEmitter<DispatchOutcome> outcomes,
            @Channel(Channels.HANDOFFS) MutinyEmitter<Handoff> handoffs,
            MeterRegistry meters,
            DispatchConfig config) {
        this.lanes = new ConversationLanes(config.maxInFlight());
        meters.gauge("dmpilot_dispatch_replies_in_flight", lanes, ConversationLanes::inFlight);
        this.dispatcher = dispatcher;
        this.outcomes = outcomes;
        this.handoffs = handoffs;
        this.meters = meters;
    }

    /**
     * Takes the record as soon as there is room in the lanes; it is acknowledged when its outcome is stored, so
     * the offset commit (throttled strategy) never passes a reply still on its way. A record that cannot be read
     * is refused at once and goes to the dead-letter topic; a transient failure is retried first, holding the
     * conversation's lane ({@link TransientRetry}).
     */
    @Incoming(Channels.REPLY_VETTED)
    public Uni<Void> consume(Message<String> message) {
        VettedReply reply;
        String conversation;
        try {
            reply = EventJson.read(message.getPayload(), VettedReply.class);
            conversation = reply.candidate().inbound().conversationId();
        } catch (RuntimeException e) {
            return Uni.createFrom().completionStage(message.nack(e));
        }
        // a retry after a send whose outcome was not recorded finds it in flight and does not send again
        return lanes.submit(
                conversation,
                () -> TransientRetry.retried(
                                () -> dispatcher.dispatch(reply).chain(dispatched -> publish(reply, dispatched)))
                        .onItemOrFailure()
                        .transformToUni((done, failure) -> {
                            if (failure == null) return Uni.createFrom().completionStage(message.ack());
                            LOG.warnf(failure, "conversation %s: reply failed, to the dead-letter topic", conversation);
                            return Uni.createFrom().completionStage(message.nack(failure));
                        }));
    }

    private Uni<Void> publish(VettedReply reply, ReplyDispatcher.Dispatched dispatched) {
        if (dispatched.superseded()) {
            LOG.infof(
                    "conversation %s: candidate %s was taken over by another replica, its outcome counts",
                    reply.candidate().inbound().conversationId(),
                    reply.candidate().candidateId());
            return Uni.createFrom().voidItem();
        }
        DispatchOutcome outcome = dispatched.outcome();
        record(outcome);
        String conversation = outcome.conversationId();
        LOG.infof("conversation %s: %s %s", conversation, outcome.outcome(), outcome.detail());
        // a conversation already waiting for a person is not announced again with each new message
        Uni<Void> handoff = dispatched.handoff() != null
                ? handOff(reply, outcome, dispatched.handoff())
                : Uni.createFrom().voidItem();
        return handoff.chain(() -> outcomes.sendMessage(KeyedRecords.of(
                Topics.DISPATCH_OUTCOMES,
                SOURCE,
                conversation,
                outcome.outcomeId(),
                reply.candidate().inbound().traceId(),
                reply.candidate().inbound().accountOpenId(),
                outcome)));
    }

    private Uni<Void> handOff(VettedReply reply, DispatchOutcome outcome, HandoffReason reason) {
        var inbound = reply.candidate().inbound();
        Handoff handoff = new Handoff(
                "handoff:" + outcome.candidateId(),
                inbound.conversationId(),
                inbound.accountOpenId(),
                inbound.userOpenId(),
                reason,
                reason == HandoffReason.AUTO_REPLY_CAP ? "auto-reply-cap" : outcome.detail(),
                SOURCE,
                outcome.decidedAt());
        return handoffs.sendMessage(KeyedRecords.of(
                Topics.HANDOFFS,
                SOURCE,
                inbound.conversationId(),
                handoff.handoffId(),
                inbound.traceId(),
                inbound.accountOpenId(),
                handoff));
    }

    private void record(DispatchOutcome outcome) {
        String tier = outcome.tier() == null ? "NONE" : outcome.tier().name();
        meters.counter(
                        "dmpilot_replies_sent_total",
                        "tier",
                        tier,
                        "outcome",
                        outcome.outcome().name(),
                        "sender",
                        "auto")
                .increment();
        if (outcome.outcome() == Outcome.SENT) {
            Timer.builder("dmpilot_reply_latency")
                    .description("webhook received → platform accepted the send")
                    .tag("tier", tier)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.ofMillis(outcome.decidedAt() - outcome.receivedAt()));
        }
    }
}
