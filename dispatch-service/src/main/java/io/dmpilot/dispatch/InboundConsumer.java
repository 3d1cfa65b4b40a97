package io.dmpilot.dispatch;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.contracts.serde.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * dm.inbound.v1, for what concerns sending: a person answering in the Douyin app takes the conversation
 * over for a while; the platform's echo of our own send confirms it was delivered. Both are idempotent
 * (setting a pause, confirming a send), so redelivery changes nothing.
 */
@ApplicationScoped
public class InboundConsumer {
    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);

    private final ConversationState conversations;
    private final SendLedger ledger;
    private final MeterRegistry meters;

    public InboundConsumer(ConversationState conversations, SendLedger ledger, MeterRegistry meters) {
        this.conversations = conversations;
        this.ledger = ledger;
        this.meters = meters;
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
        InboundEvent event = EventJson.read(payload, InboundEvent.class);
        if (event.kind() == InboundKind.HUMAN_REPLY) {
            LOG.infof("conversation %s: a person answered in the app, automation pauses", event.conversationId());
            meters.counter("dmpilot_human_takeovers_total").increment();
            return conversations.humanReplied(event.accountOpenId(), event.conversationId());
        }
        if (event.kind() == InboundKind.SEND_ECHO) {
            return ledger.echoed(event)
                    .invoke(reconciled -> meters.counter(
                                    "dmpilot_sends_confirmed_total", "reconciled", Boolean.toString(reconciled))
                            .increment())
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
