package io.dmpilot.analytics;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads a conversation's state under a row lock and writes it back, inside the caller's transaction. The
 * insert-if-absent first gives the lock a row to hold even for a conversation never seen before.
 */
final class ConversationStates {
    private static final String ENSURE = "INSERT INTO {h-schema}conversation_state (conversation_id, last_user_at,"
            + " last_sent_at, last_sent_hour, sent_scenario, sent_rule_id, sent_variant, replied, converted,"
            + " last_scenario, updated_at) VALUES (:id, 0, 0, 0, '', '', '', false, false, '', :now)"
            + " ON CONFLICT (conversation_id) DO NOTHING";
    private static final String LOCK = "SELECT last_user_at, last_sent_at, last_sent_hour, sent_scenario,"
            + " sent_rule_id, sent_variant, replied, converted, last_scenario"
            + " FROM {h-schema}conversation_state WHERE conversation_id = :id FOR UPDATE";
    private static final String SAVE = "UPDATE {h-schema}conversation_state SET last_user_at = :lastUserAt,"
            + " last_sent_at = :lastSentAt, last_sent_hour = :lastSentHour, sent_scenario = :scenario,"
            + " sent_rule_id = :ruleId, sent_variant = :variant, replied = :replied, converted = :converted,"
            + " last_scenario = :lastScenario, updated_at = :now WHERE conversation_id = :id";

    /** Applies the change and adds what it means to {@code out}. */
    static Uni<Void> apply(Mutiny.Session session, Recording.Change change, Aggregates out) {
        String id = change.conversationId();
        return session.createNativeQuery(ENSURE)
                .setParameter("id", id)
                .setParameter("now", System.currentTimeMillis())
                .executeUpdate()
                .chain(() -> session.createNativeQuery(LOCK, Object[].class)
                        .setParameter("id", id)
                        .getSingleResult())
                .map(ConversationStates::state)
                .chain(state -> save(session, id, change.transition().apply(state, out)));
    }

    private static ConversationState state(Object[] row) {
        return new ConversationState(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                new Dimensions((String) row[3], (String) row[4], (String) row[5]),
                (Boolean) row[6],
                (Boolean) row[7],
                (String) row[8]);
    }

    private static Uni<Void> save(Mutiny.Session session, String id, ConversationState state) {
        return session.createNativeQuery(SAVE)
                .setParameter("id", id)
                .setParameter("lastUserAt", state.lastUserAt())
                .setParameter("lastSentAt", state.lastSentAt())
                .setParameter("lastSentHour", state.lastSentHour())
                .setParameter("scenario", state.sentDims().scenario())
                .setParameter("ruleId", state.sentDims().ruleId())
                .setParameter("variant", state.sentDims().variant())
                .setParameter("replied", state.replied())
                .setParameter("converted", state.converted())
                .setParameter("lastScenario", state.lastScenario())
                .setParameter("now", System.currentTimeMillis())
                .executeUpdate()
                .replaceWithVoid();
    }

    private ConversationStates() {}
}
