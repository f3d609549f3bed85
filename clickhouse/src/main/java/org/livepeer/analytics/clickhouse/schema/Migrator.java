package org.livepeer.analytics.clickhouse.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ServerVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the {@code livepeer_analytics} database up to the migrations on the class path.
 *
 * <p>Each {@code V###__name.sql} is applied once, statement by statement, and then recorded with
 * its checksum in {@code livepeer_analytics.schema_migrations}; a second run applies nothing. An
 * applied migration whose file has changed stops the run: write a new migration instead. If a
 * statement fails, the migration is not recorded and the next run starts it again from its first
 * statement, so migrations are written to be re-runnable ({@code IF NOT EXISTS}). Two migrators
 * must not run at the same time against one server.
 *
 * <p>{@link #onCluster(String)} lays the same schema out on a cluster of shards instead: local
 * tables plus {@code Distributed} tables, every statement {@code ON CLUSTER} ({@link
 * ClusterSchema}; docs/operations.md, "ClickHouse shards").
 */
public final class Migrator {
    public static final String DATABASE = "livepeer_analytics";
    public static final String DEFAULT_RESOURCE_PREFIX = "migrations";

    /** Older servers accept LowCardinality only with this setting; newer ones reject the name. */
    static final String LOW_CARDINALITY_SETTING = "allow_experimental_low_cardinality_type";

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    /** Where applied migrations are recorded. */
    public static final String HISTORY_TABLE = "schema_migrations";

    private static final String HISTORY = DATABASE + "." + HISTORY_TABLE;

    private final MigrationTarget admin;
    private final String resourcePrefix;
    private final ClassLoader loader;
    private final Optional<ClusterSchema> cluster;

    /** Applies {@code classpath:migrations/}, the project's schema. */
    public Migrator(ClickHouseHttp admin) {
        this(admin, DEFAULT_RESOURCE_PREFIX);
    }

    /** Applies the migrations under another classpath folder (tests use their own sets). */
    public Migrator(ClickHouseHttp admin, String resourcePrefix) {
        this(admin, resourcePrefix, Migrator.class.getClassLoader());
    }

    public Migrator(ClickHouseHttp admin, String resourcePrefix, ClassLoader loader) {
        this(MigrationTarget.over(Objects.requireNonNull(admin, "admin")), resourcePrefix, loader);
    }

    /** Applies the migrations under {@code resourcePrefix} to any engine, e.g. one in-process. */
    public Migrator(MigrationTarget admin, String resourcePrefix, ClassLoader loader) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.resourcePrefix = Objects.requireNonNull(resourcePrefix, "resourcePrefix");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.cluster = Optional.empty();
    }

    private Migrator(Migrator single, ClusterSchema cluster) {
        this.admin = single.admin;
        this.resourcePrefix = single.resourcePrefix;
        this.loader = single.loader;
        this.cluster = Optional.of(cluster);
    }

    /**
     * The same migrations laid out on {@code cluster}, a cluster named in the servers' {@code
     * remote_servers} whose servers share a ZooKeeper or ClickHouse Keeper: a {@code _local} table
     * per table on every server and a {@code Distributed} table over them under the table's name.
     *
     * @throws IllegalArgumentException if {@code cluster} is not a plain identifier
     */
    public Migrator onCluster(String cluster) {
        return new Migrator(this, new ClusterSchema(cluster));
    }

    /**
     * Applies every migration not yet recorded.
     *
     * @throws MigrationException when a file is malformed, an applied file changed, or ClickHouse
     *     rejects a statement (the cause is the {@link ClickHouseException})
     */
    public MigrationReport migrate() {
        List<Migration> migrations = ClasspathMigrations.load(loader, resourcePrefix);
        ServerVersion server = admin.version();
        Map<String, String> settings = settings(server);
        run("CREATE DATABASE IF NOT EXISTS " + DATABASE, settings);
        run(
                "CREATE TABLE IF NOT EXISTS "
                        + HISTORY
                        + " (version UInt32, name String, checksum String, applied_at DateTime)"
                        + " ENGINE = MergeTree ORDER BY version",
                settings);
        Map<Integer, String> checksums = appliedChecksums();
        List<String> applied = new ArrayList<>();
        List<String> alreadyApplied = new ArrayList<>();
        List<MigrationReport.SkippedStatement> skipped = new ArrayList<>();
        for (Migration m : migrations) {
            String recorded = checksums.get(m.version());
            if (recorded != null) {
                verifyUnchanged(m, recorded);
                alreadyApplied.add(m.label());
            } else {
                apply(m, server, settings, skipped);
                applied.add(m.label());
            }
        }
        LOG.info(
                "ClickHouse {}{}: applied {}, already applied {}, skipped {} statement(s)",
                server,
                cluster.map(c -> " (cluster " + c.cluster() + ")").orElse(""),
                applied,
                alreadyApplied.size(),
                skipped.size());
        return new MigrationReport(server, applied, alreadyApplied, skipped);
    }

    /**
     * Settings sent with every migration statement to a server of this version: the LowCardinality
     * switch to servers older than 19.0 only, since newer ones reject its name.
     */
    public static Map<String, String> sessionSettings(ServerVersion server) {
        return server.atLeast(19, 0) ? Map.of() : Map.of(LOW_CARDINALITY_SETTING, "1");
    }

    private Map<String, String> settings(ServerVersion server) {
        Map<String, String> settings = new HashMap<>(sessionSettings(server));
        cluster.ifPresent(c -> settings.putAll(ClusterSchema.SETTINGS));
        return Map.copyOf(settings);
    }

    /** Runs one statement of the single-server schema, as the layout (one server, cluster) asks. */
    private void run(String sql, Map<String, String> settings) {
        List<String> statements = cluster.map(c -> c.statementsFor(sql)).orElse(List.of(sql));
        for (String statement : statements) {
            admin.execute(statement, settings);
        }
    }

    private Map<Integer, String> appliedChecksums() {
        String tsv =
                admin.query(
                        "SELECT version, checksum FROM "
                                + HISTORY
                                + " ORDER BY version FORMAT TabSeparated");
        Map<Integer, String> out = new HashMap<>();
        for (String line : tsv.split("\n")) {
            if (!line.isBlank()) {
                String[] cols = line.split("\t", -1);
                out.put(Integer.parseInt(cols[0]), cols[1]);
            }
        }
        return out;
    }

    private static void verifyUnchanged(Migration m, String recordedChecksum) {
        if (!recordedChecksum.equals(m.checksum())) {
            throw new MigrationException(
                    "Migration "
                            + m.label()
                            + " was changed after it was applied (checksum in "
                            + HISTORY
                            + ": "
                            + recordedChecksum
                            + ", on the class path: "
                            + m.checksum()
                            + "). Restore the file and put the change in a new migration.");
        }
    }

    private void apply(
            Migration m,
            ServerVersion server,
            Map<String, String> settings,
            List<MigrationReport.SkippedStatement> skipped) {
        int index = 0;
        for (MigrationStatement statement : m.statements()) {
            index++;
            if (!statement.runsOn(server)) {
                ServerVersion required = statement.requires().orElseThrow();
                LOG.info(
                        "{} statement {} needs ClickHouse {}, server is {}: skipped",
                        m.label(),
                        index,
                        required,
                        server);
                skipped.add(
                        new MigrationReport.SkippedStatement(m.label(), required, statement.sql()));
                continue;
            }
            try {
                run(statement.sql(), settings);
            } catch (ClickHouseException e) {
                throw new MigrationException(
                        m.label() + " statement " + index + " failed: " + e.getMessage(), e);
            }
        }
        run(
                "INSERT INTO "
                        + HISTORY
                        + " (version, name, checksum, applied_at) VALUES ("
                        + m.version()
                        + ", '"
                        + m.name()
                        + "', '"
                        + m.checksum()
                        + "', now())",
                settings);
        LOG.info("Applied {} ({} statement(s))", m.label(), m.statements().size());
    }
}
