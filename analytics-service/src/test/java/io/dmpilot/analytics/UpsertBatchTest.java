package io.dmpilot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpsertBatchTest {
    private final UpsertBatch batch =
            new UpsertBatch("word_count", List.of("account_open_id", "word"), List.of("count"));

    @Test
    void equalKeysAreMergedIntoOneRowBecausePostgresCannotUpdateARowTwiceInOneStatement() {
        batch.add(List.of("a", "价格"), 1).add(List.of("a", "退款"), 1).add(List.of("a", "价格"), 1);

        assertEquals(2, batch.size());
        assertEquals(List.of("a", "价格", 2L, "a", "退款", 1L), batch.parameters());
    }

    @Test
    void theStatementIsOneMultiRowUpsertAddingToExistingCounts() {
        batch.add(List.of("a", "x"), 1).add(List.of("a", "y"), 3);

        assertEquals(
                "INSERT INTO {h-schema}word_count AS t (account_open_id, word, count) VALUES (:p0, :p1, :p2),"
                        + " (:p3, :p4, :p5) ON CONFLICT (account_open_id, word) DO UPDATE SET count = t.count + excluded.count",
                batch.sql());
    }

    @Test
    void rowsAreOrderedByKeySoConcurrentWritersLockInTheSameOrder() {
        batch.add(List.of("a", "z"), 1).add(List.of("a", "b"), 1);

        assertEquals(List.of("a", "b", 1L, "a", "z", 1L), batch.parameters());
    }

    @Test
    void aRowThatDoesNotFitTheTableIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> batch.add(List.of("a"), 1));
        assertThrows(IllegalArgumentException.class, () -> batch.add(List.of("a", "b"), 1, 2));
    }
}
