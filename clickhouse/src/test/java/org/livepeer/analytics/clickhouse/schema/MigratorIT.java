package org.livepeer.analytics.clickhouse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ServerVersion;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;

class MigratorIT {
    private static final Pattern CREATES =
            Pattern.compile(
                    "CREATE\\s+(?:MATERIALIZED\\s+VIEW|VIEW|TABLE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?livepeer_analytics\\.(\\w+)",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern DROPS =
            Pattern.compile(
                    "DROP\\s+(?:VIEW|TABLE)\\s+(?:IF\\s+EXISTS\\s+)?livepeer_analytics\\.(\\w+)",
                    Pattern.CASE_INSENSITIVE);

    @TempDir static Path dataDir;
    static ClickHouseServerProcess server;
    static ClickHouseHttp admin;

    @BeforeAll
    static void startServer() {
        server = ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(dataDir));
        admin = server.client(server.admin());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void emptyServer() {
        // The server refuses to drop a table holding data (the migration history does) unless
        // allowed, one table at a time (docs/decisions/0008).
        String tables =
                admin.query(
                        "SELECT name FROM system.tables WHERE database = '"
                                + Migrator.DATABASE
                                + "' FORMAT TabSeparated");
        for (String table : tables.lines().toList()) {
            server.allowingDrop(
                    () ->
                            admin.execute(
                                    "DROP TABLE IF EXISTS "
                                            + Migrator.DATABASE
                                            + ".`"
                                            + table
                                            + "`"));
        }
        admin.execute("DROP DATABASE IF EXISTS " + Migrator.DATABASE);
    }

    @Test
    void appliesTheProjectMigrationsOnceAndThenNothing() {
        List<Migration> files = ClasspathMigrations.load(getClass().getClassLoader(), "migrations");
        List<String> labels = files.stream().map(Migration::label).toList();

        MigrationReport first = new Migrator(admin).migrate();

        assertEquals(labels, first.applied());
        assertEquals(List.of(), first.alreadyApplied());
        assertTrue(first.server().atLeast(18, 16));
        assertEquals(expectedObjects(files, first.server()), tables());
        assertEquals(files.size(), count("schema_migrations"));

        MigrationReport second = new Migrator(admin).migrate();

        assertEquals(List.of(), second.applied());
        assertEquals(labels, second.alreadyApplied());
        assertEquals(files.size(), count("schema_migrations"));
    }

    /** A typed table the rollups do not read would be missing from the accounting panels. */
    @Test
    void theRollupsKnowEveryTypedTable() {
        new Migrator(admin).migrate();
        String withEventIds =
                admin.query(
                        "SELECT table FROM system.columns WHERE database = '"
                                + Migrator.DATABASE
                                + "' AND name = 'event_id' AND table NOT LIKE 'grafana%'"
                                + " ORDER BY table FORMAT TabSeparated");
        List<String> expected = new ArrayList<>(HourlyRollup.TYPED_TABLES);
        expected.add(HourlyRollup.RAW_ARCHIVE);
        expected.add(HourlyRollup.DEAD_LETTERS);
        assertEquals(expected.stream().sorted().toList(), withEventIds.lines().toList());
    }

    @Test
    void statementsRunOnlyOnServersAsNewAsTheyRequire() {
        MigrationReport report = new Migrator(admin, "test-migrations/gating").migrate();

        assertEquals(List.of("V000__gating", "V001__second"), report.applied());
        assertEquals(1, report.skipped().size());
        assertEquals(ServerVersion.parse("99.0"), report.skipped().get(0).required());
        assertTrue(report.skipped().get(0).sql().contains("gating_future"));
        assertEquals(
                Set.of(
                        "gating_always",
                        "gating_old_enough",
                        "gating_low_cardinality",
                        "schema_migrations"),
                tables());
        assertEquals(3, count("gating_always"));

        MigrationReport again = new Migrator(admin, "test-migrations/gating").migrate();
        assertEquals(List.of(), again.applied());
        assertEquals(List.of(), again.skipped());
        assertEquals(3, count("gating_always"), "an applied migration never runs twice");
    }

    @Test
    void anAppliedMigrationThatChangedStopsTheRun() {
        new Migrator(admin, "test-migrations/changed-a").migrate();

        MigrationException e =
                assertThrows(
                        MigrationException.class,
                        () -> new Migrator(admin, "test-migrations/changed-b").migrate());

        assertTrue(
                e.getMessage().contains("V001__history was changed after it was applied"),
                e.getMessage());
        assertEquals(
                "id\tUInt32\n",
                admin.query(
                        "SELECT name, type FROM system.columns WHERE database = 'livepeer_analytics'"
                                + " AND table = 'changed' FORMAT TabSeparated"));
    }

    private static Set<String> expectedObjects(List<Migration> files, ServerVersion server) {
        Set<String> names = new TreeSet<>();
        names.add("schema_migrations");
        for (Migration m : files) {
            for (MigrationStatement s : m.statements()) {
                Matcher created = CREATES.matcher(s.sql());
                Matcher dropped = DROPS.matcher(s.sql());
                if (s.runsOn(server) && created.find()) {
                    names.add(created.group(1));
                } else if (s.runsOn(server) && dropped.find()) {
                    names.remove(dropped.group(1));
                }
            }
        }
        return names;
    }

    private static Set<String> tables() {
        String tsv =
                admin.query(
                        "SELECT name FROM system.tables WHERE database = 'livepeer_analytics' FORMAT TabSeparated");
        return Arrays.stream(tsv.split("\n"))
                .filter(s -> !s.isBlank() && !s.startsWith(".inner."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long count(String table) {
        return Long.parseLong(
                admin.query("SELECT count() FROM livepeer_analytics." + table).trim());
    }
}
