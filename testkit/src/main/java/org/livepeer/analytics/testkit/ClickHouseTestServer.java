package org.livepeer.analytics.testkit;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.schema.MigrationReport;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;

/**
 * A ClickHouse server for one test class, with clients for its three users and counting helpers.
 * Unqualified table names refer to {@code livepeer_analytics}.
 */
public final class ClickHouseTestServer implements AutoCloseable {
    private static final Pattern TABLE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final ClickHouseServerProcess process;
    private final Path dataDir;
    private final ClickHouseHttp admin;
    private final ClickHouseHttp writer;
    private final ClickHouseHttp reader;
    private final MigrationReport migration;
    private volatile boolean keepData;

    private ClickHouseTestServer(
            ClickHouseServerProcess process, Path dataDir, MigrationReport migration) {
        this.process = process;
        this.dataDir = dataDir;
        this.admin = process.client(process.admin());
        this.writer = process.client(process.writer());
        this.reader = process.client(process.reader());
        this.migration = migration;
    }

    /**
     * Starts a server in a new temporary directory and, if asked, applies {@code
     * classpath:migrations/}. On failure the directory is kept for its logs and named in the error.
     */
    public static ClickHouseTestServer start(boolean migrate) {
        Path dir = Directories.create("clickhouse-it-");
        ClickHouseServerProcess process =
                ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(dir));
        try {
            MigrationReport report =
                    migrate ? new Migrator(process.client(process.admin())).migrate() : null;
            return new ClickHouseTestServer(process, dir, report);
        } catch (RuntimeException e) {
            process.close();
            throw new IllegalStateException(
                    "Migrations failed; server logs kept in " + process.logDir(), e);
        }
    }

    public ClickHouseServerProcess process() {
        return process;
    }

    /** {@code default}: may run DDL. */
    public ClickHouseHttp admin() {
        return admin;
    }

    /** {@code writer}: INSERT and SELECT, no DDL (docs/decisions/0008). */
    public ClickHouseHttp writer() {
        return writer;
    }

    /** {@code reader}: reads only (readonly=2, allow_ddl=0). */
    public ClickHouseHttp reader() {
        return reader;
    }

    /** What the migrator did at start, if {@link WithClickHouse#migrate()} was on. */
    public Optional<MigrationReport> migration() {
        return Optional.ofNullable(migration);
    }

    /** {@code SELECT count() FROM table}. */
    public long countRows(String table) {
        return queryLong("SELECT count() FROM " + qualified(table));
    }

    /** {@code SELECT count() FROM table WHERE where}, e.g. {@code count("t", "event_id = 'x'")}. */
    public long count(String table, String where) {
        return queryLong("SELECT count() FROM " + qualified(table) + " WHERE " + where);
    }

    /** The distinct {@code event_id}s of {@code table}'s rows that match {@code where}. */
    public Set<String> distinctIds(String table, String where) {
        String tsv =
                admin.query(
                        "SELECT DISTINCT event_id FROM "
                                + qualified(table)
                                + " WHERE "
                                + where
                                + " FORMAT TabSeparated");
        return tsv.lines()
                .filter(line -> !line.isBlank())
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Runs a query (as admin) whose answer is one number. */
    public long queryLong(String sql) {
        return Long.parseLong(admin.query(sql).trim());
    }

    /** Runs a query as admin and returns the body, e.g. with {@code FORMAT JSONEachRow}. */
    public String query(String sql) {
        return admin.query(sql);
    }

    /**
     * Empties a table, for classes whose tests share the server. The server refuses to truncate a
     * table holding data unless its owner allows it (docs/decisions/0008).
     */
    public void truncate(String table) {
        String statement = "TRUNCATE TABLE " + qualified(table);
        process.allowingDrop(() -> admin.execute(statement));
    }

    /** The server's log folder. */
    public Path logDir() {
        return process.logDir();
    }

    /** Keep the data directory (with the logs) after the class; set when a test fails. */
    void keepDataDir() {
        keepData = true;
    }

    @Override
    public void close() {
        process.close();
        if (!keepData && !Directories.keepAll()) {
            Directories.deleteRecursively(dataDir);
        }
    }

    private static String qualified(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: '" + table + "'");
        }
        return table.contains(".") ? table : Migrator.DATABASE + "." + table;
    }
}
