package org.livepeer.analytics.clickhouse.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livepeer.analytics.clickhouse.http.DistributedInserts;

/**
 * How a migration statement, written for one server, runs on a cluster of shards
 * (docs/operations.md, "ClickHouse shards"). Every statement gets {@code ON CLUSTER}, so each
 * server of the cluster runs it (through the cluster's ZooKeeper or ClickHouse Keeper), and each
 * table becomes two: {@code <table>_local} holds a shard's rows with the migration's engine, and
 * {@code <table>} is a {@code Distributed} table over all shards' {@code _local} tables, sharded by
 * {@link ShardingKeys}. Everything that reads or writes a table by its name (the sink, the views,
 * the rollups, Grafana) thus reads and writes all shards unchanged.
 *
 * <p>Strict on purpose: a statement of a form not listed here stops the migration with a message,
 * rather than running on one server only.
 */
final class ClusterSchema {
    static final String LOCAL_SUFFIX = "_local";

    private static final String DB = Pattern.quote(Migrator.DATABASE) + "\\.(\\w+)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_DATABASE =
            Pattern.compile("CREATE\\s+DATABASE\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+)", FLAGS);
    private static final Pattern CREATE_TABLE =
            Pattern.compile(
                    "CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+" + DB + "\\s*(\\(.*)", FLAGS);
    private static final Pattern CREATE_VIEW =
            Pattern.compile(
                    "(CREATE\\s+(?:MATERIALIZED\\s+)?VIEW\\s+IF\\s+NOT\\s+EXISTS\\s+)"
                            + DB
                            + "(\\s.*)",
                    FLAGS);
    private static final Pattern ALTER_TABLE =
            Pattern.compile("ALTER\\s+TABLE\\s+" + DB + "(\\s.*)", FLAGS);
    private static final Pattern DROP_TABLE =
            Pattern.compile("DROP\\s+TABLE\\s+IF\\s+EXISTS\\s+" + DB, FLAGS);
    private static final Pattern INSERT =
            Pattern.compile("INSERT\\s+INTO\\s+" + DB + "\\s.*", FLAGS);

    /** Column changes apply to the Distributed table too; TTL and indexes only to the shards. */
    private static final Pattern COLUMN_CHANGE = Pattern.compile("\\bCOLUMN\\b", FLAGS);

    /**
     * Sent with every statement: an {@code INSERT ... SELECT} (V017) returns once every shard holds
     * its rows, and an error on any server fails the HTTP request instead of being appended to an
     * answer already sent.
     */
    static final Map<String, String> SETTINGS = settings();

    private final String cluster;

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(DistributedInserts.SYNCHRONOUS);
        settings.put("wait_end_of_query", "1");
        return Map.copyOf(settings);
    }

    ClusterSchema(String cluster) {
        this.cluster = requireName(cluster);
    }

    String cluster() {
        return cluster;
    }

    /** The statements that do on the cluster what {@code sql} does on one server. */
    List<String> statementsFor(String sql) {
        String s = sql.strip();
        Matcher m;
        if ((m = CREATE_DATABASE.matcher(s)).matches()) {
            return List.of(s + onCluster());
        }
        if ((m = CREATE_TABLE.matcher(s)).matches()) {
            return createTable(m.group(1), m.group(2));
        }
        if ((m = CREATE_VIEW.matcher(s)).matches()) {
            return List.of(m.group(1) + qualified(m.group(2)) + onCluster() + m.group(3));
        }
        if ((m = ALTER_TABLE.matcher(s)).matches()) {
            return alterTable(m.group(1), m.group(2));
        }
        if ((m = DROP_TABLE.matcher(s)).matches()) {
            return dropTable(m.group(1));
        }
        if (INSERT.matcher(s).matches()) {
            return List.of(s);
        }
        throw new MigrationException(
                "Cannot run this statement on cluster '"
                        + cluster
                        + "' (known forms: CREATE DATABASE/TABLE/VIEW IF NOT EXISTS, ALTER TABLE,"
                        + " DROP TABLE IF EXISTS, INSERT INTO, on "
                        + Migrator.DATABASE
                        + ".<name>): "
                        + abbreviated(s));
    }

    private List<String> createTable(String table, String definition) {
        String key = keyOf(table);
        String local = qualified(table + LOCAL_SUFFIX);
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + local + onCluster() + " " + definition,
                "CREATE TABLE IF NOT EXISTS "
                        + qualified(table)
                        + onCluster()
                        + " AS "
                        + local
                        + " ENGINE = Distributed("
                        + String.join(", ", cluster, Migrator.DATABASE, table + LOCAL_SUFFIX, key)
                        + ")");
    }

    private List<String> alterTable(String table, String change) {
        keyOf(table);
        String onShards = "ALTER TABLE " + qualified(table + LOCAL_SUFFIX) + onCluster() + change;
        if (!COLUMN_CHANGE.matcher(change).find()) {
            return List.of(onShards);
        }
        return List.of(onShards, "ALTER TABLE " + qualified(table) + onCluster() + change);
    }

    private List<String> dropTable(String name) {
        String drop = "DROP TABLE IF EXISTS ";
        if (ShardingKeys.of(name).isEmpty()) {
            return List.of(drop + qualified(name) + onCluster());
        }
        return List.of(
                drop + qualified(name) + onCluster(),
                drop + qualified(name + LOCAL_SUFFIX) + onCluster());
    }

    private String keyOf(String table) {
        return ShardingKeys.of(table)
                .orElseThrow(
                        () ->
                                new MigrationException(
                                        "Table "
                                                + table
                                                + " has no sharding key: add it to ShardingKeys"
                                                + " (docs/operations.md, \"ClickHouse shards\")"));
    }

    private String onCluster() {
        return " ON CLUSTER " + cluster;
    }

    private static String qualified(String name) {
        return Migrator.DATABASE + "." + name;
    }

    private static String abbreviated(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }

    private static String requireName(String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        if (!cluster.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "cluster name '"
                            + cluster
                            + "' is not a plain identifier (letters, digits, _), as named in"
                            + " the servers' remote_servers");
        }
        return cluster;
    }
}
