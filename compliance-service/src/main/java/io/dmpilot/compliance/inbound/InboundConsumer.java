package io.dmpilot.compliance.inbound;

import io.dmpilot.compliance.ComplianceConfig;
import io.dmpilot.compliance.lexicon.InboundSignals;
import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.Handoff;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.KeyedRecords;
import io.dmpilot.kit.RecordBatches;
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
 * Screens what users write (dm.inbound.v1, in a consumer group of its own beside rules-service's): a crisis,
 * harassment or complaint signal puts the conversation in front of a human with a {@link Handoff} on
 * dm.handoffs.v1, when the account's policy hands off for that reason. The hand-off id derives from the
 * inbound event id, so a redelivered record repeats the same hand-off, which its consumers treat as one.
 */
@ApplicationScoped
public class InboundConsumer {
    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);
    static final String SOURCE = "compliance-service";

    private final InboundScreen screen;
    private final long maxAgeMillis;
    private final MutinyEmitter<Handoff> handoffs;
    private final MeterRegistry meters;
    private final RecordBatches batches;
    private final CrisisConversations crisis;

    public InboundConsumer(
            ComplianceConfig config,
            InboundScreen screen,
            CrisisConversations crisis,
            @Channel(Channels.HANDOFFS) MutinyEmitter<Handoff> handoffs,
            MeterRegistry meters,
            RecordBatches batches) {
        this.batches = batches;
        this.screen = screen;
        this.crisis = crisis;
        this.maxAgeMillis = config.inboundMaxAge().toMillis();
        this.handoffs = handoffs;
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
        if (event.kind() != InboundKind.USER_MESSAGE) return Uni.createFrom().voidItem();
        if (System.currentTimeMillis() - event.receivedAt() > maxAgeMillis) {
            count("stale", "none");
            return Uni.createFrom().voidItem();
        }
        InboundScreen.Screening screening = screen.screen(event);
        if (screening.signal().isEmpty()) {
            count("clean", "none");
            return Uni.createFrom().voidItem();
        }
        InboundSignals.Signal found = screening.signal().get();
        if (screening.switchesToCrisis()) {
            // answered with the account's crisis reply from now on (the candidate vetting does the answering);
            // every new signal restarts the window
            count("crisis-scenario", found.reason().name());
            LOG.infof("conversation %s: crisis signal, switched to the crisis scenario", event.conversationId());
            return crisis.enter(event.accountOpenId(), event.conversationId());
        }
        if (!screening.handsOff()) {
            count("kept-by-policy", found.reason().name());
            return Uni.createFrom().voidItem();
        }
        count("handed-off", found.reason().name());
        return handOff(event, found);
    }

    private Uni<Void> handOff(InboundEvent event, InboundSignals.Signal signal) {
        Handoff handoff = new Handoff(
                "handoff:compliance:" + event.eventId(),
                event.conversationId(),
                event.accountOpenId(),
                event.userOpenId(),
                signal.reason(),
                "the user wrote \"" + signal.phrase() + "\" (" + signal.start() + "–" + signal.end() + ")",
                SOURCE,
                System.currentTimeMillis());
        LOG.infof("conversation %s: %s signal, handed off", event.conversationId(), signal.reason());
        return handoffs.sendMessage(KeyedRecords.of(
                Topics.HANDOFFS,
                SOURCE,
                event.conversationId(),
                handoff.handoffId(),
                event.traceId(),
                event.accountOpenId(),
                handoff));
    }

    /** No account tag: 10,000 accounts would make 10,000 series. */
    private void count(String result, String reason) {
        meters.counter("dmpilot_inbound_screened_total", "result", result, "reason", reason)
                .increment();
    }
}
