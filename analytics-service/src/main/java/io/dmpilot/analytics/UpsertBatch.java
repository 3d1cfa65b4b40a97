package io.dmpilot.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Additive counters for one aggregate table, written as ONE multi-row upsert: an event that touches twelve
 * words costs one statement, not twelve. Equal keys are merged first, because PostgreSQL refuses to update
 * the same row twice in one {@code INSERT … ON CONFLICT}.
 */
public final class UpsertBatch {
    private final String table;
    private final List<String> keyColumns;
    private final List<String> valueColumns;
    /** Sorted, so that two transactions upserting the same rows lock them in the same order: no deadlock. */
    private final Map<List<Object>, long[]> rows = new TreeMap<>(Comparator.comparing(List::toString));

    public UpsertBatch(String table, List<String> keyColumns, List<String> valueColumns) {
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.valueColumns = List.copyOf(valueColumns);
    }

    /** Adds {@code amounts} (one per value column) to the row of {@code key} (one value per key column). */
    public UpsertBatch add(List<Object> key, long... amounts) {
        if (key.size() != keyColumns.size() || amounts.length != valueColumns.size()) {
            throw new IllegalArgumentException("row does not fit " + table);
        }
        long[] sums = rows.computeIfAbsent(List.copyOf(key), k -> new long[valueColumns.size()]);
        for (int i = 0; i < amounts.length; i++) sums[i] += amounts[i];
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    /** The native SQL; parameters are named {@code p0, p1, …} in row order, see {@link #parameters()}. */
    public String sql() {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        int width = columns.size();
        List<String> tuples = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            List<String> params = new ArrayList<>();
            for (int col = 0; col < width; col++) params.add(":p" + (row * width + col));
            tuples.add("(" + String.join(", ", params) + ")");
        }
        String updates = valueColumns.stream()
                .map(c -> c + " = t." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO {h-schema}" + table + " AS t (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", tuples) + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET "
                + updates;
    }

    public List<Object> parameters() {
        List<Object> params = new ArrayList<>();
        rows.forEach((key, sums) -> {
            params.addAll(key);
            for (long sum : sums) params.add(sum);
        });
        return params;
    }
}
