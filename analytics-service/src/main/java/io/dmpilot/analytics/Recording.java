package io.dmpilot.analytics;

import java.util.Optional;

/**
 * What one consumed event changes, worked out before the transaction that writes it.
 *
 * @param eventKey topic plus the event's id: the processed-event key that makes a redelivery change nothing
 * @param outcome the per-account outcome count of the original summary, when the event is one
 * @param conversation a change to the conversation's state, when the event depends on earlier ones
 */
public record Recording(
        String eventKey, Optional<CountableEvent> outcome, Aggregates aggregates, Optional<Change> conversation) {

    /** How an event moves a conversation on; the state's methods add what the move means to the aggregates. */
    @FunctionalInterface
    public interface Transition {
        ConversationState apply(ConversationState state, Aggregates out);
    }

    public record Change(String conversationId, Transition transition) {}

    public static Recording of(String eventKey, Aggregates aggregates) {
        return new Recording(eventKey, Optional.empty(), aggregates, Optional.empty());
    }

    public Recording withOutcome(CountableEvent counted) {
        return new Recording(eventKey, Optional.of(counted), aggregates, conversation);
    }

    /** No conversation id (a conversion reported without one): nothing to remember, nothing to lock. */
    public Recording withConversation(String conversationId, Transition transition) {
        if (conversationId == null || conversationId.isBlank()) return this;
        return new Recording(eventKey, outcome, aggregates, Optional.of(new Change(conversationId, transition)));
    }
}
