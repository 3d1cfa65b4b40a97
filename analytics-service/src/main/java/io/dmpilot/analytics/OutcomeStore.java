package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The aggregate tables in PostgreSQL: the original outcome counts, and through {@link Recording} the
 * funnel, keyword, response-time and path tables. A batch of consumed events is ONE transaction: their
 * processed-event rows, their conversations' states and their aggregates, merged in memory into one upsert
 * per table, commit together. Counting is additive upserts, correct with any number of replicas counting
 * the same account at once, which read-modify-write is not. Writes go through the reactive client, not
 * Hibernate: they are native SQL anyway, and its fixed statements with array parameters are prepared once
 * per connection instead of a statement text per row count.
 */
@ApplicationScoped
public class OutcomeStore {
    private static final String MARK_PROCESSED = "INSERT INTO %s.processed_event (event_id, processed_at)"
            + " SELECT unnest($1::text[]), now() ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

    private final Pool pool;
    private final String schema;
    private final String markProcessed;
    private final ConversationStates conversations;

    public OutcomeStore(
            Pool pool, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.pool = pool;
        this.schema = schema;
        this.markProcessed = MARK_PROCESSED.formatted(schema);
        this.conversations = new ConversationStates(schema);
    }

    /**
     * Records each event of the batch once: a redelivery (a crash before the offset commit, or the same
     * record twice in one batch) finds its processed-event row and changes nothing.
     *
     * @return the recordings counted now, in batch order; the others had been counted before
     */
    public Uni<List<Recording>> record(List<Recording> batch) {
        if (batch.isEmpty()) return Uni.createFrom().item(List.of());
        return pool.withTransaction(connection -> markProcessed(connection, batch)
                .map(fresh -> firstOfEach(batch, fresh))
                .call(now -> addAll(connection, now)));
    }

    public Uni<OutcomeSummary> summary(String accountOpenId) {
        // one after the other: a reactive session runs one statement at a time
        return Panache.withSession(() -> OutcomeCount.ofAccount(accountOpenId)
                .chain(counts -> ResponseTimeTotal.ofAccount(accountOpenId)
                        .map(times -> OutcomeSummary.of(accountOpenId, counts, times))));
    }

    /** The keys inserted now; sorted so that two writers of the same keys (a rebalance) wait in one order. */
    private Uni<Set<String>> markProcessed(SqlConnection connection, List<Recording> batch) {
        String[] keys = batch.stream()
                .map(Recording::eventKey)
                .collect(TreeSet::new, TreeSet::add, TreeSet::addAll)
                .toArray(String[]::new);
        return connection.preparedQuery(markProcessed).execute(Tuple.of(keys)).map(rows -> {
            Set<String> fresh = new HashSet<>();
            for (Row row : rows) fresh.add(row.getString(0));
            return fresh;
        });
    }

    private static List<Recording> firstOfEach(List<Recording> batch, Set<String> fresh) {
        List<Recording> now = new ArrayList<>();
        for (Recording recording : batch) {
            if (fresh.remove(recording.eventKey())) now.add(recording);
        }
        return now;
    }

    /**
     * Conversations first, in consumption order: their row locks order concurrent writers of one
     * conversation before any counter. A fresh merge each time, so a retried transaction counts once.
     */
    private Uni<Void> addAll(SqlConnection connection, List<Recording> recordings) {
        Aggregates merged = new Aggregates();
        List<Recording.Change> changes = new ArrayList<>();
        for (Recording recording : recordings) {
            merged.addAll(recording.aggregates());
            recording.outcome().ifPresent(merged::outcome);
            recording.conversation().ifPresent(changes::add);
        }
        return conversations.apply(connection, changes, merged).chain(() -> upsertAll(connection, merged));
    }

    /** One statement per table, one after the other: a connection runs one statement at a time. */
    private Uni<Void> upsertAll(SqlConnection connection, Aggregates merged) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UpsertBatch batch : merged.batches()) {
            chain = chain.chain(() -> connection
                    .preparedQuery(batch.sql(schema))
                    .execute(Tuple.from(batch.columnArrays()))
                    .replaceWithVoid());
        }
        return chain;
    }
}
