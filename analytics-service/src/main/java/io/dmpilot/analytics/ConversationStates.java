package io.dmpilot.analytics;

import io.dmpilot.contracts.serde.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the states of a batch's conversations under row locks, moves each on through the batch's changes
 * in the order the events were consumed, and writes them back, inside the caller's transaction. The
 * insert-if-absent first gives the lock a row to hold even for a conversation never seen before. Rows are
 * inserted and locked in one order (sorted ids) by every writer, so two batches never deadlock on them.
 */
final class ConversationStates {
    private static final String ENSURE = "INSERT INTO %s.conversation_state (conversation_id, last_user_at,"
            + " last_sent_at, last_sent_hour, sent_scenario, sent_rule_id, sent_variant, replied, converted,"
            + " last_scenario, updated_at) SELECT id, 0, 0, 0, '', '', '', false, false, '', $2"
            + " FROM unnest($1::text[]) AS id ON CONFLICT (conversation_id) DO NOTHING";
    private static final String LOCK = "SELECT conversation_id, last_user_at, last_sent_at, last_sent_hour,"
            + " sent_scenario, sent_rule_id, sent_variant, replied, converted, last_scenario, history"
            + " FROM %s.conversation_state WHERE conversation_id = ANY($1::text[]) ORDER BY conversation_id"
            + " FOR UPDATE";
    private static final String SAVE = "UPDATE %s.conversation_state AS c SET last_user_at = v.last_user_at,"
            + " last_sent_at = v.last_sent_at, last_sent_hour = v.last_sent_hour, sent_scenario = v.sent_scenario,"
            + " sent_rule_id = v.sent_rule_id, sent_variant = v.sent_variant, replied = v.replied,"
            + " converted = v.converted, last_scenario = v.last_scenario, history = v.history, updated_at = $12"
            + " FROM unnest($1::text[], $2::int8[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::text[],"
            + " $8::bool[], $9::bool[], $10::text[], $11::text[]) AS v(conversation_id, last_user_at, last_sent_at,"
            + " last_sent_hour, sent_scenario, sent_rule_id, sent_variant, replied, converted, last_scenario,"
            + " history)"
            + " WHERE c.conversation_id = v.conversation_id";

    private final String ensure;
    private final String lock;
    private final String save;

    ConversationStates(String schema) {
        this.ensure = ENSURE.formatted(schema);
        this.lock = LOCK.formatted(schema);
        this.save = SAVE.formatted(schema);
    }

    /** Applies the changes in list order and adds what they mean to {@code out}. */
    Uni<Void> apply(SqlConnection connection, List<Recording.Change> changes, Aggregates out) {
        if (changes.isEmpty()) return Uni.createFrom().voidItem();
        String[] ids = changes.stream()
                .map(Recording.Change::conversationId)
                .collect(TreeSet::new, TreeSet::add, TreeSet::addAll)
                .toArray(String[]::new);
        long now = System.currentTimeMillis();
        return connection
                .preparedQuery(ensure)
                .execute(Tuple.of(ids, now))
                .chain(() -> connection.preparedQuery(lock).execute(Tuple.of(ids)))
                .map(rows -> advance(states(rows), changes, out))
                .chain(states -> connection.preparedQuery(save).execute(saveTuple(states, now)))
                .replaceWithVoid();
    }

    /** Pure: each change sees the state the previous change of its conversation left. */
    static Map<String, ConversationState> advance(
            Map<String, ConversationState> states, List<Recording.Change> changes, Aggregates out) {
        for (Recording.Change change : changes) {
            ConversationState before = states.getOrDefault(change.conversationId(), ConversationState.NEW);
            states.put(change.conversationId(), change.transition().apply(before, out));
        }
        return states;
    }

    /** The recent sends and user times, as JSON in one column (the other columns describe the last send). */
    record History(List<ConversationState.SentReply> sends, List<Long> userTimes) {}

    private static Map<String, ConversationState> states(RowSet<Row> rows) {
        Map<String, ConversationState> states = new HashMap<>();
        for (Row row : rows) {
            String history = row.getString(10);
            ConversationState state;
            if (history == null) {
                // stored before the history was kept: what the row knows of the last send and message
                state = ConversationState.ofLast(
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        new Dimensions(row.getString(4), row.getString(5), row.getString(6)),
                        row.getBoolean(7),
                        row.getBoolean(8),
                        row.getString(9));
            } else {
                History kept = EventJson.read(history, History.class);
                state = new ConversationState(kept.sends(), kept.userTimes(), row.getBoolean(8), row.getString(9));
            }
            states.put(row.getString(0), state);
        }
        return states;
    }

    private static Tuple saveTuple(Map<String, ConversationState> states, long now) {
        int n = states.size();
        String[] ids = new String[n], scenarios = new String[n], rules = new String[n], variants = new String[n];
        String[] lastScenarios = new String[n], histories = new String[n];
        Long[] userAt = new Long[n], sentAt = new Long[n], sentHour = new Long[n];
        Boolean[] replied = new Boolean[n], converted = new Boolean[n];
        int i = 0;
        for (Map.Entry<String, ConversationState> entry : states.entrySet()) {
            ConversationState state = entry.getValue();
            ids[i] = entry.getKey();
            userAt[i] = state.lastUserAt();
            sentAt[i] = state.lastSentAt();
            sentHour[i] = state.lastSentHour();
            scenarios[i] = state.sentDims().scenario();
            rules[i] = state.sentDims().ruleId();
            variants[i] = state.sentDims().variant();
            replied[i] = state.replied();
            converted[i] = state.converted();
            lastScenarios[i] = state.lastScenario();
            histories[i++] = EventJson.write(new History(state.sends(), state.userTimes()));
        }
        return Tuple.from(List.of(
                ids,
                userAt,
                sentAt,
                sentHour,
                scenarios,
                rules,
                variants,
                replied,
                converted,
                lastScenarios,
                histories,
                now));
    }
}
