package io.dmpilot.dispatch.handoff;

import io.dmpilot.contracts.Handoff;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.contracts.serde.MalformedEventException;
import io.dmpilot.dispatch.ConversationState;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * dm.handoffs.v1 from other services (compliance's inbound screening): the conversation joins the operators'
 * hand-off queue and automation pauses for it until released, as after the cap. Hand-offs dispatch raised
 * itself are queued already and skipped; a hand-off id is queued once, so redelivery changes nothing.
 */
@ApplicationScoped
public class HandoffConsumer {
    private static final Logger LOG = Logger.getLogger(HandoffConsumer.class);
    /** The {@code source} field of the hand-offs dispatch publishes. */
    public static final String OWN_SOURCE = "dispatch-service";

    public static final String CHANNEL = "dm-handoffs-in";

    private final ConversationState conversations;
    private final MeterRegistry meters;

    public HandoffConsumer(ConversationState conversations, MeterRegistry meters) {
        this.conversations = conversations;
        this.meters = meters;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String payload) {
        Handoff handoff = valid(EventJson.read(payload, Handoff.class));
        if (OWN_SOURCE.equals(handoff.source())) return Uni.createFrom().voidItem();
        return conversations
                .handOff(handoff)
                .invoke(queued -> {
                    if (queued) {
                        LOG.infof(
                                "conversation %s: handed off by %s (%s)",
                                handoff.conversationId(), handoff.source(), handoff.reason());
                    }
                    meters.counter(
                                    "dmpilot_handoffs_received_total",
                                    "reason",
                                    handoff.reason().name(),
                                    "result",
                                    queued ? "queued" : "repeat")
                            .increment();
                })
                .replaceWithVoid();
    }

    /** The fields the queue needs; a record without them goes to the dead-letter topic. */
    static Handoff valid(Handoff handoff) {
        if (blank(handoff.handoffId())
                || blank(handoff.conversationId())
                || blank(handoff.accountOpenId())
                || blank(handoff.userOpenId())
                || blank(handoff.source())
                || handoff.reason() == null) {
            throw new MalformedEventException(
                    "hand-off without id, conversation, account, user, source or reason", null);
        }
        return handoff;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
