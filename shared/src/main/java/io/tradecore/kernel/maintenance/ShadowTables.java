package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.domain.Rejection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies of a projection's tables in a schema of their own, and the swap that puts them in place of the live ones.
 * A copy has the live table's columns, defaults, checks, keys, foreign keys and indexes under the same names (so a
 * later migration that names an index still finds it after a swap); the secondary indexes are added after the bulk
 * of the replay, which loads faster without them. The shadow schema also holds a {@code projection_checkpoints}
 * table, so that a projection run with the shadow schema first on its search path writes its rows and its
 * checkpoints side by side, exactly as it does live.
 *
 * @param live   the schema of the live tables
 * @param shadow the schema the copies are built in
 * @param tables the projection's tables, unqualified
 */
record ShadowTables(String live, String shadow, List<String> tables) {

    /** Where the replaced live tables go during a swap; dropped right after. */
    String retired() {
        return shadow + "_retired";
    }

    /** {@code SET LOCAL search_path} that runs a projection against the copies; other tables resolve to live. */
    String searchPath() {
        return "SET LOCAL search_path TO " + ident(shadow) + ", " + ident(live);
    }

    /** Creates the schema and the tables with their keys; refuses tables that other tables' foreign keys point to. */
    void create(JdbcClient jdbc) {
        for (String table : tables) {
            if (jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(qualified(live, table)).query(Boolean.class).single()
                    != Boolean.TRUE) {
                throw Rejection.unprocessable("table-not-found", "the projection names table " + table
                        + ", which is not in schema " + live);
            }
        }
        List<String> referencing = jdbc.sql("""
                        SELECT DISTINCT c.conrelid::regclass::text FROM pg_constraint c
                         WHERE c.contype = 'f' AND c.confrelid = ANY(CAST(:owned AS regclass[]))
                           AND NOT c.conrelid = ANY(CAST(:owned AS regclass[]))""")
                .param("owned", tables.stream().map(t -> qualified(live, t)).toArray(String[]::new))
                .query(String.class).list();
        if (!referencing.isEmpty()) {
            throw Rejection.unprocessable("referenced-read-model", "tables outside the projection reference its tables: "
                    + referencing + "; a swap would leave their foreign keys on the replaced tables");
        }
        jdbc.sql("CREATE SCHEMA " + ident(shadow)).update();
        for (String table : tables) {
            jdbc.sql("CREATE TABLE " + qualified(shadow, table) + " (LIKE " + qualified(live, table)
                    + " INCLUDING ALL EXCLUDING INDEXES)").update();
        }
        jdbc.sql("CREATE TABLE " + qualified(shadow, "projection_checkpoints") + " (LIKE "
                + qualified(live, "projection_checkpoints") + " INCLUDING ALL)").update();
        // Keys first (an update of the replay finds its row by them), foreign keys last (they need the keys).
        addConstraints(jdbc, "'p', 'u', 'x'");
        addConstraints(jdbc, "'f'");
    }

    private void addConstraints(JdbcClient jdbc, String types) {
        for (String table : tables) {
            // Printed with only the live schema on the path, a foreign key names its target unqualified; created with
            // the shadow schema first, it points at the copy when the projection owns the target, else at live.
            jdbc.sql("SET LOCAL search_path TO " + ident(live)).update();
            List<Map<String, Object>> constraints = jdbc.sql("SELECT conname, pg_get_constraintdef(oid) AS def "
                            + "FROM pg_constraint WHERE conrelid = CAST(? AS regclass) AND contype IN (" + types
                            + ") ORDER BY conname")
                    .param(qualified(live, table)).query().listOfRows();
            jdbc.sql(searchPath()).update();
            for (Map<String, Object> constraint : constraints) {
                jdbc.sql("ALTER TABLE " + qualified(shadow, table) + " ADD CONSTRAINT "
                        + ident((String) constraint.get("conname")) + " " + constraint.get("def")).update();
            }
        }
    }

    /** The secondary indexes (those not behind a constraint), under their live names; then fresh statistics. */
    void addIndexes(JdbcClient jdbc) {
        for (String table : tables) {
            List<String> definitions = jdbc.sql("""
                            SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                             WHERE i.indrelid = CAST(? AS regclass)
                               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")
                    .param(qualified(live, table)).query(String.class).list();
            for (String definition : definitions) {
                jdbc.sql(retarget(definition, qualified(live, table), qualified(shadow, table))).update();
            }
            jdbc.sql("ANALYZE " + qualified(shadow, table)).update();
        }
    }

    /**
     * Puts the copies in place of the live tables: waits (at most {@code lockTimeout}) for running queries, holds new
     * ones until commit, moves the live tables out and the copies in. Queries that waited read the copies: PostgreSQL
     * resolves a table name again after a concurrent change to it.
     */
    void swap(JdbcClient jdbc, String lockTimeout) {
        jdbc.sql("SET LOCAL lock_timeout = '" + lockTimeout.replace("'", "") + "'").update();
        jdbc.sql("CREATE SCHEMA " + ident(retired())).update();
        jdbc.sql("LOCK TABLE " + String.join(", ", tables.stream().map(t -> qualified(live, t)).toList())
                + " IN ACCESS EXCLUSIVE MODE").update();
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + qualified(live, table) + " SET SCHEMA " + ident(retired())).update();
            jdbc.sql("ALTER TABLE " + qualified(shadow, table) + " SET SCHEMA " + ident(live)).update();
        }
    }

    /** Drops the copies (or, after a swap, the replaced tables) and the shadow checkpoints. */
    void drop(JdbcClient jdbc) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + ident(retired()) + " CASCADE").update();
        jdbc.sql("DROP SCHEMA IF EXISTS " + ident(shadow) + " CASCADE").update();
    }

    /** An index definition as {@code pg_get_indexdef} prints it, moved from one (qualified) table to another. */
    static String retarget(String definition, String from, String to) {
        String on = " ON " + from + " ";
        int at = definition.indexOf(on);
        if (at < 0 || definition.indexOf(on, at + 1) >= 0) {
            throw new IllegalStateException("cannot place index definition on " + to + ": " + definition);
        }
        return definition.substring(0, at) + " ON " + to + " " + definition.substring(at + on.length());
    }

    static String qualified(String schema, String table) {
        return ident(schema) + "." + ident(table);
    }

    /** Quotes an identifier the way PostgreSQL's {@code quote_ident} does. */
    static String ident(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
