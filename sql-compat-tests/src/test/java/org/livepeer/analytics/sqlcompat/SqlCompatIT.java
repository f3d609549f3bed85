package org.livepeer.analytics.sqlcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.livepeer.analytics.clickhouse.query.ShippedQuery;
import org.livepeer.analytics.clickhouse.schema.MigrationReport;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.sqlcompat.chdb.ChDb;
import org.livepeer.analytics.sqlcompat.chdb.ChDbException;
import org.livepeer.analytics.sqlcompat.engine.ChDbEngine;
import org.livepeer.analytics.sqlcompat.engine.Engine;
import org.livepeer.analytics.sqlcompat.engine.ServerEngine;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;

/**
 * docs/decisions/0004: every migration and every shipped query on both ClickHouse lines, the 18.16
 * floor (a real clickhouse-server) and 26.x (chDB in-process), over the rows the sink writes for
 * every sample event. Driven by the folders: a new migration or query file is covered without a
 * change here. Both engines must accept every statement; deterministic queries must return the same
 * rows.
 */
@WithClickHouse(migrate = false)
class SqlCompatIT {
    static final String QUERIES_PROPERTY = "sqlcompat.queries";
    private static final String LOW_CARDINALITY = "allow_experimental_low_cardinality_type";
    private static final int UNKNOWN_SETTING = 115;

    private static BothLines lines;
    private static ChDb chdb;
    private static ServerEngine oldLine;
    private static ChDbEngine newLine;
    private static MigrationReport oldReport;
    private static MigrationReport newReport;

    @BeforeAll
    static void migrateAndLoad(ClickHouseTestServer server, @TempDir Path chdbDir) {
        lines = BothLines.open(server, chdbDir);
        chdb = lines.chdb;
        oldLine = lines.oldLine;
        newLine = lines.newLine;
        oldReport = lines.oldReport;
        newReport = lines.newReport;
    }

    @AfterAll
    static void closeChDb() {
        if (lines != null) {
            lines.close();
        }
    }

    static List<ShippedQuery> shippedQueries() {
        return ShippedQuery.loadAll(Path.of(System.getProperty(QUERIES_PROPERTY, "")));
    }

    @Test
    void everyMigrationAppliesOnBothLines() {
        assertFalse(oldReport.applied().isEmpty());
        assertEquals(oldReport.applied(), newReport.applied(), "same migrations applied");
        assertTrue(newReport.skipped().isEmpty(), "26.x skips nothing: " + newReport.skipped());
    }

    @Test
    void lowCardinalitySettingGoesToTheOldLineOnly() {
        assertEquals(Map.of(LOW_CARDINALITY, "1"), Migrator.sessionSettings(oldLine.version()));
        assertEquals(Map.of(), Migrator.sessionSettings(newLine.version()));
        List<Map<String, String>> sent = newLine.settingsSeen();
        assertFalse(sent.isEmpty(), "the migrator ran statements on 26.x");
        assertTrue(sent.stream().allMatch(Map::isEmpty), "settings sent to 26.x: " + sent);
        // The gate matters: 26.x rejects the old setting's name outright.
        ChDbException e =
                assertThrows(
                        ChDbException.class,
                        () -> chdb.query("SET " + LOW_CARDINALITY + " = 1", "TSV"));
        assertEquals(UNKNOWN_SETTING, e.code(), e.getMessage());
    }

    @Test
    void ttlAndSkipIndexesOnTheNewLineOnly() {
        for (String table :
                List.of("ai_stream_status", "streaming_events_dlq", "orchestrator_hourly_stats")) {
            String oldDdl = oldLine.query(showCreate(table));
            String newDdl = newLine.query(showCreate(table));
            assertFalse(oldDdl.contains("TTL"), table + " on 18.16: " + oldDdl);
            assertTrue(newDdl.contains("TTL"), table + " on 26.x: " + newDdl);
        }
        String oldStatus = oldLine.query(showCreate("ai_stream_status"));
        String newStatus = newLine.query(showCreate("ai_stream_status"));
        assertFalse(oldStatus.contains("INDEX idx_orchestrator_address"), oldStatus);
        assertTrue(newStatus.contains("INDEX idx_orchestrator_address"), newStatus);
        assertTrue(
                oldReport.skipped().stream().anyMatch(st -> st.sql().contains("MODIFY TTL")),
                "18.16 skipped the TTL statements: " + oldReport.skipped());
        assertTrue(
                oldReport.skipped().stream().anyMatch(st -> st.sql().contains("ADD INDEX")),
                "18.16 skipped the skip indexes: " + oldReport.skipped());
    }

    private static String showCreate(String table) {
        return "SHOW CREATE TABLE " + Migrator.DATABASE + "." + table;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedQueries")
    void everyShippedQueryRunsOnBothLines(ShippedQuery query) {
        String sql = query.expand(Map.of());
        String old = run(oldLine, query, sql);
        String current = run(newLine, query, sql);
        assertFalse(old.isBlank(), query + " returned no rows on " + oldLine.name());
        assertFalse(current.isBlank(), query + " returned no rows on " + newLine.name());
        if (query.deterministic()) {
            assertEquals(old, current, query + ": 18.16 and 26.x returned different rows");
        }
    }

    /**
     * The per-minute rollups the pipeline-health panels read hold what the exact queries compute
     * from the tables: the accounting per event type, the rows per table, the rows with a latency.
     */
    @Test
    void theMinuteRollupsAgreeWithTheTablesOnBothLines() {
        ShippedQuery accounting = ShippedQuery.resource("accounting_by_event_type.sql");
        String db = Migrator.DATABASE + ".";
        for (Engine engine : lines.engines()) {
            assertEquals(
                    engine.query(accounting.expand(Map.of())),
                    engine.query(
                            "SELECT event_type, sum(raw_events) AS r, sum(typed_events) AS t,"
                                    + " sum(dlq_events) AS d, toInt64(r) - toInt64(t) - toInt64(d)"
                                    + " FROM "
                                    + db
                                    + "accounting_minutely FINAL"
                                    + " GROUP BY event_type ORDER BY event_type"),
                    engine.name());
            StringBuilder perTable = new StringBuilder();
            for (String table :
                    Rollups.named("table_rows_minutely").sourceTables().stream()
                            .sorted()
                            .toList()) {
                perTable.append(table)
                        .append('\t')
                        .append(engine.query("SELECT count() FROM " + db + table).trim())
                        .append('\n');
            }
            assertEquals(
                    perTable.toString(),
                    engine.query(
                            "SELECT table_name, sum(stored_rows) FROM "
                                    + db
                                    + "table_rows_minutely FINAL GROUP BY table_name"
                                    + " ORDER BY table_name"),
                    engine.name());
            String withLatency =
                    engine.query(
                            "SELECT count() FROM "
                                    + db
                                    + "streaming_events WHERE"
                                    + " received_ts_ms > 0 AND kafka_ts_ms > 0 AND inserted_ts_ms > 0");
            assertNotEquals("0", withLatency.trim(), "the samples carry latency timestamps");
            assertEquals(
                    withLatency,
                    engine.query("SELECT sum(events) FROM " + db + "latency_minutely FINAL"),
                    engine.name());
        }
    }

    static List<String> tables() {
        return Arrays.stream(
                        oldLine.query(
                                        "SELECT name FROM system.tables WHERE database = '"
                                                + Migrator.DATABASE
                                                + "' ORDER BY name")
                                .split("\n"))
                .filter(s -> !s.isBlank())
                .toList();
    }

    @Test
    void bothLinesHaveTheSameTables() {
        String sql =
                "SELECT name, engine FROM system.tables WHERE database = '"
                        + Migrator.DATABASE
                        + "' AND name NOT LIKE '.inner%' ORDER BY name";
        assertEquals(oldLine.query(sql), newLine.query(sql));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyTableHoldsTheSameRowsOnBothLines(String table) {
        String engine =
                oldLine.query(
                                "SELECT engine FROM system.tables WHERE database = '"
                                        + Migrator.DATABASE
                                        + "' AND name = '"
                                        + table
                                        + "'")
                        .trim();
        String qualified = Migrator.DATABASE + "." + table;
        boolean rollup = Rollups.ALL.stream().anyMatch(r -> r.table().equals(table));
        // A rollup's rows are aggregate states, whose bytes each version may lay out its own way;
        // orchestrator_hourly_stats.sql compares their values.
        String sql =
                switch (rollup ? "rollup" : engine) {
                    case "rollup" -> "SELECT count() FROM " + qualified + " FINAL";
                    case "ReplacingMergeTree" -> "SELECT * FROM " + qualified + " FINAL";
                    case "AggregatingMergeTree" -> "SELECT count() FROM " + qualified + " FINAL";
                    default -> "SELECT count() FROM " + qualified;
                };
        assertEquals(
                StoredRows.canonical(oldLine.query(sql)),
                StoredRows.canonical(newLine.query(sql)),
                sql);
    }

    private static String run(Engine engine, ShippedQuery query, String sql) {
        try {
            return engine.query(sql);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    query + " rejected by " + engine.name() + ": " + e.getMessage(), e);
        }
    }
}
