package io.dmpilot.analytics;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Every topic analytics reads → its aggregates, one channel and consumer group per topic, consumed in
 * batches ({@code batch=true}): analytics is off the reply's critical path, so it trades a little delay for
 * one transaction per poll instead of one per record (see {@link BatchRecorder}).
 */
@ApplicationScoped
public class EventRecorder {
    private final BatchRecorder batches;
    private final EventRecordings recordings;

    public EventRecorder(BatchRecorder batches, EventRecordings recordings) {
        this.batches = batches;
        this.recordings = recordings;
    }

    @Incoming(Channels.INBOUND)
    public Uni<Void> consumeInbound(Message<List<String>> batch) {
        return batches.record("inbound", batch, p -> recordings.inbound(EventJson.read(p, InboundEvent.class)));
    }

    @Incoming(Channels.DISPATCH_OUTCOMES)
    public Uni<Void> consumeOutcome(Message<List<String>> batch) {
        return batches.record("outcome", batch, p -> recordings.outcome(EventJson.read(p, DispatchOutcome.class)));
    }

    @Incoming(Channels.REPLY_CANDIDATES)
    public Uni<Void> consumeCandidate(Message<List<String>> batch) {
        return batches.record("candidate", batch, p -> recordings.candidate(EventJson.read(p, ReplyCandidate.class)));
    }

    @Incoming(Channels.REPLY_VETTED)
    public Uni<Void> consumeVetted(Message<List<String>> batch) {
        return batches.record("vetted", batch, p -> recordings.vetted(EventJson.read(p, VettedReply.class)));
    }

    @Incoming(Channels.CONVERSIONS)
    public Uni<Void> consumeConversion(Message<List<String>> batch) {
        return batches.record("conversion", batch, p -> recordings.conversion(EventJson.read(p, Conversion.class)));
    }
}
