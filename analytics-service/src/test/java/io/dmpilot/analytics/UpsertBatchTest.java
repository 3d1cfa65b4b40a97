package io.dmpilot.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
    void theStatementIsOneUpsertOfColumnArraysAddingToExistingCounts() {
        batch.add(List.of("a", "x"), 1).add(List.of("a", "y"), 3);

        assertEquals(
                "INSERT INTO s.word_count AS t (account_open_id, word, count)"
                        + " SELECT * FROM unnest($1::text[], $2::text[], $3::int8[])"
                        + " ON CONFLICT (account_open_id, word) DO UPDATE SET count = t.count + excluded.count",
                batch.sql("s"));
        List<Object> arrays = batch.columnArrays();
        assertArrayEquals(new String[] {"a", "a"}, (Object[]) arrays.get(0));
        assertArrayEquals(new String[] {"x", "y"}, (Object[]) arrays.get(1));
        assertArrayEquals(new Long[] {1L, 3L}, (Object[]) arrays.get(2));
    }

    @Test
    void datesAndNumbersBindAsDateAndBigintArrays() {
        UpsertBatch values = new UpsertBatch("t", List.of("day", "hour_start"), List.of("count"));
        values.add(List.of(LocalDate.of(2026, 11, 20), 7), 1).add(List.of(LocalDate.of(2026, 11, 20), 7L), 2);

        assertEquals(1, values.size());
        assertTrue(values.sql("s").contains("unnest($1::date[], $2::int8[], $3::int8[])"));
        assertArrayEquals(new Long[] {3L}, (Object[]) values.columnArrays().get(2));
    }

    @Test
    void mergingTwoBatchesAddsTheirRows() {
        UpsertBatch other = new UpsertBatch("word_count", List.of("account_open_id", "word"), List.of("count"));
        batch.add(List.of("a", "x"), 1);
        other.add(List.of("a", "x"), 2).add(List.of("b", "x"), 1);

        batch.addAll(other);

        assertEquals(List.of("a", "x", 3L, "b", "x", 1L), batch.parameters());
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
