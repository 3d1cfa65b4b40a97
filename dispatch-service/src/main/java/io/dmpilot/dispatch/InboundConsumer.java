package io.dmpilot.dispatch;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.kit.RecordBatches;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
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
    private final RecordBatches batches;

    public InboundConsumer(
            ConversationState conversations, SendLedger ledger, MeterRegistry meters, RecordBatches batches) {
        this.batches = batches;
        this.conversations = conversations;
        this.ledger = ledger;
        this.meters = meters;
    }

    /**
     * A poll at a time, its conversations at once ({@link RecordBatches}): a record that cannot be read goes to the
     * dead-letter topic at once; a transient failure is retried first, the conversation waiting meanwhile.
     */
    @Incoming(Channels.INBOUND)
    public Uni<Void> consume(Message<List<String>> batch) {
        return batches.handle(batch, InboundEvent.class, this::handle);
    }

    private Uni<Void> handle(InboundEvent event) {
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
