package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The aggregate tables in PostgreSQL: the original outcome counts, and through {@link Recording} the
 * funnel, keyword, response-time and path tables. Counting is upserts in native SQL, one multi-row statement
 * per table and event, correct with any number of replicas counting the same account at once, which
 * read-modify-write is not.
 * {@code {h-schema}} is Hibernate's placeholder for the configured default schema.
 */
@ApplicationScoped
public class OutcomeStore {
    private static final String MARK_PROCESSED = "INSERT INTO {h-schema}processed_event (event_id, processed_at)"
            + " VALUES (:eventId, now()) ON CONFLICT (event_id) DO NOTHING";
    private static final String ADD_COUNT = "INSERT INTO {h-schema}outcome_count AS c (account_open_id, outcome, count)"
            + " VALUES (:account, :outcome, 1)"
            + " ON CONFLICT (account_open_id, outcome) DO UPDATE SET count = c.count + 1";
    private static final String ADD_RESPONSE_TIME = "INSERT INTO {h-schema}response_time_total AS r"
            + " (account_open_id, timed_count, total_millis, within_window_count)"
            + " VALUES (:account, 1, :millis, :within)"
            + " ON CONFLICT (account_open_id) DO UPDATE SET timed_count = r.timed_count + 1,"
            + " total_millis = r.total_millis + excluded.total_millis,"
            + " within_window_count = r.within_window_count + excluded.within_window_count";

    /**
     * Records the event once: its processed-event row, its conversation's state and its aggregates commit
     * together, so a redelivery (a crash before the offset commit) finds the row and changes nothing.
     *
     * @return true if recorded now, false if it had been recorded before
     */
    public Uni<Boolean> record(Recording recording) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> markProcessed(session, recording.eventKey())
                        .chain(first -> first
                                ? addAll(session, recording).replaceWith(true)
                                : Uni.createFrom().item(false))));
    }

    public Uni<OutcomeSummary> summary(String accountOpenId) {
        // one after the other: a reactive session runs one statement at a time
        return Panache.withSession(() -> OutcomeCount.ofAccount(accountOpenId)
                .chain(counts -> ResponseTimeTotal.ofAccount(accountOpenId)
                        .map(times -> OutcomeSummary.of(accountOpenId, counts, times))));
    }

    /** Conversation first: its row lock orders concurrent writers of one conversation before any counter. */
    private static Uni<Void> addAll(Mutiny.Session session, Recording recording) {
        Aggregates out = recording.aggregates();
        Uni<Void> conversation = recording.conversation().isPresent()
                ? ConversationStates.apply(session, recording.conversation().get(), out)
                : Uni.createFrom().voidItem();
        return conversation
                .chain(() -> recording.outcome().isPresent()
                        ? addCounts(session, recording.outcome().get())
                        : Uni.createFrom().voidItem())
                .chain(() -> upsertAll(session, out));
    }

    /** One statement per table, one after the other: a reactive session runs one statement at a time. */
    private static Uni<Void> upsertAll(Mutiny.Session session, Aggregates out) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UpsertBatch batch : out.batches()) {
            chain = chain.chain(() -> upsert(session, batch));
        }
        return chain;
    }

    private static Uni<Void> upsert(Mutiny.Session session, UpsertBatch batch) {
        var query = session.createNativeQuery(batch.sql());
        var params = batch.parameters();
        for (int i = 0; i < params.size(); i++) query.setParameter("p" + i, params.get(i));
        return query.executeUpdate().replaceWithVoid();
    }

    private static Uni<Boolean> markProcessed(Mutiny.Session session, String eventKey) {
        return session.createNativeQuery(MARK_PROCESSED)
                .setParameter("eventId", eventKey)
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    private static Uni<Void> addCounts(Mutiny.Session session, CountableEvent event) {
        Uni<Integer> counted = session.createNativeQuery(ADD_COUNT)
                .setParameter("account", event.accountOpenId())
                .setParameter("outcome", event.outcome().name())
                .executeUpdate();
        if (event.responseMillis().isEmpty()) return counted.replaceWithVoid();
        return counted.chain(() -> session.createNativeQuery(ADD_RESPONSE_TIME)
                        .setParameter("account", event.accountOpenId())
                        .setParameter("millis", event.responseMillis().getAsLong())
                        .setParameter("within", event.answeredWithinWindow() ? 1L : 0L)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
