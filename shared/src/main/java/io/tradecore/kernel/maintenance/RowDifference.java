package io.tradecore.kernel.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * One row where a live read model and its replay disagree, keyed by the table's primary key: {@code missing} (the
 * replay has it, live does not), {@code extra} (live has it, the replay does not) or {@code different}, with the
 * columns that differ. Rows come as JSON objects ({@code to_jsonb} of the row).
 */
record RowDifference(String table, JsonNode key, String kind, List<String> columns, JsonNode live, JsonNode expected) {

    static RowDifference of(String table, JsonNode key, JsonNode live, JsonNode expected) {
        if (live == null || live.isNull()) {
            return new RowDifference(table, key, "missing", names(expected), null, expected);
        }
        if (expected == null || expected.isNull()) {
            return new RowDifference(table, key, "extra", names(live), live, null);
        }
        return new RowDifference(table, key, "different", differingColumns(live, expected), live, expected);
    }

    /** The columns whose values differ; numbers are compared by value (1.0 equals 1.00, as in SQL). */
    static List<String> differingColumns(JsonNode live, JsonNode expected) {
        Set<String> columns = new TreeSet<>(live.propertyNames());
        columns.addAll(expected.propertyNames());
        List<String> differing = new ArrayList<>();
        for (String column : columns) {
            if (!same(live.get(column), expected.get(column))) {
                differing.add(column);
            }
        }
        return differing;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return aNull == bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static List<String> names(JsonNode row) {
        return new ArrayList<>(new TreeSet<>(row.propertyNames()));
    }
}
