package org.livepeer.analytics.clickhouse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterSchemaTest {
    private final ClusterSchema schema = new ClusterSchema("analytics");

    @Test
    void aTableBecomesLocalTablesAndADistributedTableOverThem() {
        List<String> out =
                schema.statementsFor(
                        "CREATE TABLE IF NOT EXISTS livepeer_analytics.payment_events\n"
                                + "(\n    event_id String\n)\nENGINE = ReplacingMergeTree()"
                                + " ORDER BY event_id");
        assertEquals(
                List.of(
                        "CREATE TABLE IF NOT EXISTS livepeer_analytics.payment_events_local"
                                + " ON CLUSTER analytics (\n    event_id String\n)\n"
                                + "ENGINE = ReplacingMergeTree() ORDER BY event_id",
                        "CREATE TABLE IF NOT EXISTS livepeer_analytics.payment_events"
                                + " ON CLUSTER analytics AS livepeer_analytics.payment_events_local"
                                + " ENGINE = Distributed(analytics, livepeer_analytics,"
                                + " payment_events_local, cityHash64(event_id))"),
                out);
    }

    @Test
    void ttlAndIndexesChangeTheShardsColumnsChangeBoth() {
        assertEquals(
                List.of(
                        "ALTER TABLE livepeer_analytics.streaming_events_local ON CLUSTER analytics"
                                + " MODIFY TTL event_date + INTERVAL 90 DAY"),
                schema.statementsFor(
                        "ALTER TABLE livepeer_analytics.streaming_events"
                                + " MODIFY TTL event_date + INTERVAL 90 DAY"));
        List<String> column =
                schema.statementsFor(
                        "ALTER TABLE livepeer_analytics.streaming_events ADD COLUMN x UInt64");
        assertEquals(
                List.of(
                        "ALTER TABLE livepeer_analytics.streaming_events_local ON CLUSTER analytics"
                                + " ADD COLUMN x UInt64",
                        "ALTER TABLE livepeer_analytics.streaming_events ON CLUSTER analytics"
                                + " ADD COLUMN x UInt64"),
                column);
    }

    @Test
    void viewsDropsAndInsertsKeepTheirNames() {
        assertEquals(
                List.of(
                        "CREATE VIEW IF NOT EXISTS livepeer_analytics.v ON CLUSTER analytics"
                                + " AS SELECT 1"),
                schema.statementsFor("CREATE VIEW IF NOT EXISTS livepeer_analytics.v AS SELECT 1"));
        assertEquals(
                List.of(
                        "DROP TABLE IF EXISTS livepeer_analytics.orchestrator_hourly_stats_mv"
                                + " ON CLUSTER analytics"),
                schema.statementsFor(
                        "DROP TABLE IF EXISTS livepeer_analytics.orchestrator_hourly_stats_mv"));
        assertEquals(
                List.of(
                        "DROP TABLE IF EXISTS livepeer_analytics.orchestrator_hourly_stats"
                                + " ON CLUSTER analytics",
                        "DROP TABLE IF EXISTS livepeer_analytics.orchestrator_hourly_stats_local"
                                + " ON CLUSTER analytics"),
                schema.statementsFor(
                        "DROP TABLE IF EXISTS livepeer_analytics.orchestrator_hourly_stats"));
        String insert = "INSERT INTO livepeer_analytics.t SELECT 1";
        assertEquals(List.of(insert), schema.statementsFor(insert));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE livepeer_analytics.payment_events (x String) ENGINE = Log",
                "CREATE TABLE IF NOT EXISTS other.payment_events (x String) ENGINE = Log",
                "CREATE TABLE IF NOT EXISTS livepeer_analytics.unknown (x String) ENGINE = Log",
                "OPTIMIZE TABLE livepeer_analytics.payment_events FINAL",
                "TRUNCATE TABLE livepeer_analytics.payment_events",
                "ALTER TABLE livepeer_analytics.unknown DELETE WHERE 1"
            })
    void anythingElseStopsTheMigrationInsteadOfRunningOnOneServer(String sql) {
        assertThrows(MigrationException.class, () -> schema.statementsFor(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "a;DROP", "1st"})
    void theClusterNameMustBeAnIdentifier(String name) {
        assertThrows(IllegalArgumentException.class, () -> new ClusterSchema(name));
    }

    @Test
    void everyShippedMigrationRunsOnAClusterAndEveryTableHasAKey() {
        Pattern created =
                Pattern.compile(
                        "CREATE TABLE IF NOT EXISTS livepeer_analytics\\.(\\w+) ON CLUSTER"
                                + " analytics \\(");
        Set<String> tables = new TreeSet<>();
        List<String> all = new ArrayList<>();
        for (Migration m : ClasspathMigrations.load(getClass().getClassLoader(), "migrations")) {
            for (MigrationStatement s : m.statements()) {
                List<String> out = schema.statementsFor(s.sql());
                all.addAll(out);
                for (String statement : out) {
                    Matcher t = created.matcher(statement);
                    if (t.lookingAt()) {
                        tables.add(
                                t.group(1).substring(0, t.group(1).length() - "_local".length()));
                    }
                }
            }
        }
        assertTrue(
                all.stream()
                        .allMatch(
                                s -> s.contains(" ON CLUSTER analytics") || s.startsWith("INSERT")),
                "every DDL runs on the cluster");
        Set<String> keyed = new TreeSet<>(ShardingKeys.all().keySet());
        keyed.remove(Migrator.HISTORY_TABLE);
        assertEquals(keyed, tables, "ShardingKeys lists exactly the tables the migrations create");
    }
}
