package io.dmpilot.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Additive counters for one aggregate table, written as ONE upsert whatever the number of rows: the rows go
 * as one array per column through {@code unnest}, so the statement's text is the same for every batch (the
 * connection's prepared-statement cache reuses it) and binding costs one parameter per column, not per
 * value. Equal keys are merged first, because PostgreSQL refuses to update the same row twice in one
 * {@code INSERT … ON CONFLICT}; a batch of a thousand events that all count "RECEIVED" for one account is
 * one row adding 1,000.
 */
public final class UpsertBatch {
    private final String table;
    private final List<String> keyColumns;
    private final List<String> valueColumns;
    /** Sorted, so that two transactions upserting the same rows lock them in the same order: no deadlock. */
    private final Map<List<Object>, long[]> rows = new TreeMap<>(UpsertBatch::compareKeys);

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
        long[] sums = rows.computeIfAbsent(normalized(key), k -> new long[valueColumns.size()]);
        for (int i = 0; i < amounts.length; i++) sums[i] += amounts[i];
        return this;
    }

    /** Adds every row of {@code other}, a batch for the same table. */
    public UpsertBatch addAll(UpsertBatch other) {
        if (!other.table.equals(table)) throw new IllegalArgumentException(other.table + " is not " + table);
        other.rows.forEach(this::add);
        return this;
    }

    public String table() {
        return table;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    /** The native SQL for {@code schema}; its parameters are {@link #columnArrays()}, one per column. */
    public String sql(String schema) {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        List<String> types = sqlTypes();
        List<String> arrays = new ArrayList<>();
        for (int col = 0; col < columns.size(); col++) arrays.add("$" + (col + 1) + "::" + types.get(col) + "[]");
        String updates = valueColumns.stream()
                .map(c -> c + " = t." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + schema + "." + table + " AS t (" + String.join(", ", columns) + ")"
                + " SELECT * FROM unnest(" + String.join(", ", arrays) + ")"
                + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET " + updates;
    }

    /** One array per column (keys, then values), rows in key order. */
    public List<Object> columnArrays() {
        List<Object> arrays = new ArrayList<>();
        for (int col = 0; col < keyColumns.size(); col++) arrays.add(keyColumn(col));
        for (int col = 0; col < valueColumns.size(); col++) {
            Long[] values = new Long[rows.size()];
            int row = 0;
            for (long[] sums : rows.values()) values[row++] = sums[col];
            arrays.add(values);
        }
        return arrays;
    }

    /** The rows flattened, each key followed by its sums: what the batch adds, for tests to read. */
    public List<Object> parameters() {
        List<Object> params = new ArrayList<>();
        rows.forEach((key, sums) -> {
            params.addAll(key);
            for (long sum : sums) params.add(sum);
        });
        return params;
    }

    /** Numbers as Long, so keys compare and bind alike whatever integer type the caller boxed. */
    private static List<Object> normalized(List<Object> key) {
        List<Object> copy = new ArrayList<>(key.size());
        for (Object value : key) copy.add(value instanceof Number n ? Long.valueOf(n.longValue()) : value);
        return List.copyOf(copy);
    }

    /** Column by column in natural order (strings, dates, longs): cheaper than comparing their text. */
    @SuppressWarnings("unchecked")
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable<Object>) a.get(i)).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return 0;
    }

    private Object[] keyColumn(int col) {
        Object first = rows.keySet().iterator().next().get(col);
        Object[] values = first instanceof String
                ? new String[rows.size()]
                : first instanceof LocalDate ? new LocalDate[rows.size()] : new Long[rows.size()];
        int row = 0;
        for (List<Object> key : rows.keySet()) values[row++] = key.get(col);
        return values;
    }

    /** PostgreSQL array element types, from the first row's values: text, date or bigint. */
    private List<String> sqlTypes() {
        List<String> types = new ArrayList<>();
        List<Object> first =
                rows.isEmpty() ? List.of() : rows.keySet().iterator().next();
        for (int col = 0; col < keyColumns.size(); col++) {
            Object value = first.isEmpty() ? "" : first.get(col);
            types.add(value instanceof String ? "text" : value instanceof LocalDate ? "date" : "int8");
        }
        for (int col = 0; col < valueColumns.size(); col++) types.add("int8");
        return types;
    }
}
