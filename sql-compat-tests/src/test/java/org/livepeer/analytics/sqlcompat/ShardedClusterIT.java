package org.livepeer.analytics.sqlcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livepeer.analytics.clickhouse.query.ShippedQuery;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.clickhouse.schema.MigrationReport;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.schema.ShardingKeys;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.sqlcompat.cluster.ProcessorSink;
import org.livepeer.analytics.sqlcompat.cluster.TwoShards;
import org.livepeer.analytics.sqlcompat.data.SinkBatches;
import org.livepeer.analytics.sqlcompat.engine.Engine;
import org.livepeer.analytics.sqlcompat.engine.ServerEngine;
import org.livepeer.analytics.sqlcompat.grafana.Dashboard;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;

/**
 * The schema laid out on a cluster of two shards ({@code Migrator.onCluster}, docs/operations.md,
 * "ClickHouse shards") holds and answers what one server does. One 18.16 server and a two-shard
 * 18.16 cluster are migrated and loaded with the same sink rows (the cluster by the processor's own
 * sink client, {@link ProcessorSink}, as the writer on the second shard) and the rollups are
 * recomputed on both (the cluster's again by the sink client); then the rows are spread over both
 * shards, every id is found through either shard, and every shipped query and every dashboard query
 * returns the same rows from the cluster as from the one server.
 */
@WithClickHouse(migrate = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardedClusterIT {
    /** The replay and volume tests add rows: they run after the tests that compare counts. */
    private static final int AFTER_COMPARISONS = Order.DEFAULT + 1;

    private static final int LAST = Order.DEFAULT + 2;

    /** Distinct ids of the volume test (docs/testing.md: claims about loss need 500,000). */
    private static final int VOLUME = 500_000;

    private static final String VOLUME_SOURCE = "sharding-volume";

    /** The tables the sink writes: every typed table, the raw archive, the dead letters. */
    private static final List<String> STORED =
            Stream.concat(
                            HourlyRollup.TYPED_TABLES.stream(),
                            Stream.of(HourlyRollup.RAW_ARCHIVE, HourlyRollup.DEAD_LETTERS))
                    .toList();

    private static final Map<String, String> GRAFANA = Map.of("max_execution_time", "60");

    private static TwoShards cluster;
    private static MigrationReport clusterMigration;
    private static Engine single;
    private static Engine singleReader;

    /** The cluster's admin on each shard, and its reader on the first (where Grafana points). */
    private static List<Engine> shardAdmins;

    private static Engine clusterReader;
    private static DashboardSql dashboards;
    private static SinkBatches batches;

    /** The processor's own sink client, one per shard. */
    private static List<ProcessorSink> sinks;

    @BeforeAll
    static void migrateAndLoad(ClickHouseTestServer server, @TempDir Path dir) throws Exception {
        cluster = TwoShards.start(dir);
        new Migrator(server.admin()).migrate();
        clusterMigration =
                new Migrator(cluster.shard(0).client(cluster.shard(0).admin()))
                        .onCluster(TwoShards.CLUSTER)
                        .migrate();
        single = new ServerEngine(server.admin());
        singleReader = new ServerEngine(server.reader(), GRAFANA);
        shardAdmins = new ArrayList<>();
        sinks = new ArrayList<>();
        for (ClickHouseServerProcess shard : cluster.shards()) {
            shardAdmins.add(new ServerEngine(shard.client(shard.admin())));
            sinks.add(new ProcessorSink(shard));
        }
        clusterReader =
                new ServerEngine(cluster.shard(0).client(cluster.shard(0).reader()), GRAFANA);

        Instant loadedAt = Instant.now();
        batches = SinkBatches.samples(loadedAt);
        batches.insertInto(new ServerEngine(server.writer()));
        sinks.get(1).write(batches);
        Rollups.recomputeAll(single);
        Rollups.recomputeAll(shardAdmins.get(1), sinks.get(1)::run);
        dashboards = new DashboardSql(singleReader, loadedAt);
    }

    @AfterAll
    static void stop() {
        if (sinks != null) {
            sinks.forEach(ProcessorSink::close);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyTableIsALocalTableOnEachShardAndADistributedTableOverThem() {
        assertFalse(clusterMigration.applied().isEmpty());
        for (Engine shard : shardAdmins) {
            for (String table : ShardingKeys.all().keySet()) {
                assertEquals("Distributed", engineOf(shard, table), table + " on " + shard.name());
                assertTrue(
                        engineOf(shard, table + "_local").endsWith("MergeTree"),
                        table + "_local on " + shard.name());
            }
        }
        MigrationReport again =
                new Migrator(cluster.shard(1).client(cluster.shard(1).admin()))
                        .onCluster(TwoShards.CLUSTER)
                        .migrate();
        assertTrue(again.applied().isEmpty(), "the history is the cluster's: " + again);
    }

    @Test
    void rowsAreSpreadOverBothShardsAndEveryIdIsFoundThroughEither() {
        for (String table : STORED) {
            long expected = count(single, table);
            long first = count(shardAdmins.get(0), table + "_local");
            long second = count(shardAdmins.get(1), table + "_local");
            assertEquals(expected, first + second, table + ": rows on the shards");
            if (expected >= 20) {
                assertTrue(first > 0 && second > 0, table + ": " + first + " + " + second);
            }
            String ids = "SELECT DISTINCT event_id FROM " + table + " ORDER BY event_id";
            for (Engine shard : shardAdmins) {
                assertEquals(
                        single.query(qualified(ids)),
                        shard.query(qualified(ids)),
                        table + ": ids through " + shard.name());
            }
        }
    }

    @Test
    void aRecomputedHourReplacesTheEarlierComputationOnItsShard() {
        Rollups.recomputeAll(shardAdmins.get(0), sinks.get(0)::run);
        for (HourlyRollup rollup : Rollups.ALL) {
            String rows = qualified("SELECT count() FROM " + rollup.table() + " FINAL");
            assertEquals(single.query(rows), shardAdmins.get(0).query(rows), rollup.table());
        }
    }

    @Test
    @Order(AFTER_COMPARISONS)
    void aReplayedCopyLandsOnTheShardOfItsFirstCopyAndCollapsesThere() {
        sinks.get(0).write(batches);
        for (String table : STORED) {
            long once = count(single, table);
            assertEquals(
                    2 * once, count(shardAdmins.get(0), table), table + ": both copies stored");
            assertEquals(
                    once, count(shardAdmins.get(0), table + " FINAL"), table + ": copies collapse");
        }
    }

    @Test
    @Order(LAST)
    void halfAMillionIdsAreSplitOverBothShardsAndEveryOneIsFoundThroughEither() {
        sinks.get(0)
                .run(
                        "INSERT INTO "
                                + Migrator.DATABASE
                                + ".streaming_events (event_id, event_type, event_ts_ms,"
                                + " event_time, event_date, gateway, source, payload,"
                                + " kafka_partition, kafka_offset, processed_ts_ms)"
                                + " SELECT concat('volume-', toString(number)), 'volume', 0,"
                                + " toDateTime(0), toDate(0), 'gw', '"
                                + VOLUME_SOURCE
                                + "', '{}', 0, number, 0 FROM system.numbers LIMIT "
                                + VOLUME);
        String ofVolume = " WHERE source = '" + VOLUME_SOURCE + "'";
        long onFirst = count(shardAdmins.get(0), "streaming_events_local" + ofVolume);
        long onSecond = count(shardAdmins.get(1), "streaming_events_local" + ofVolume);
        System.out.printf(
                "%,d distinct ids: %,d on shard 1, %,d on shard 2%n", VOLUME, onFirst, onSecond);
        assertEquals(VOLUME, onFirst + onSecond, "rows on the shards");
        assertTrue(
                Math.abs(onFirst - onSecond) < VOLUME / 10,
                "an even split: " + onFirst + " and " + onSecond);
        for (Engine shard : shardAdmins) {
            // Distinct ids numbered 0 to VOLUME - 1: as many as that means every one.
            String found =
                    shard.query(
                            qualified(
                                    "SELECT uniqExact(event_id),"
                                            + " max(toUInt64(substring(event_id, 8)))"
                                            + " FROM streaming_events"
                                            + ofVolume));
            assertEquals(VOLUME + "\t" + (VOLUME - 1), found.strip(), "through " + shard.name());
        }
    }

    static List<ShippedQuery> shippedQueries() {
        return SqlCompatIT.shippedQueries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedQueries")
    void everyShippedQueryReturnsWhatOneServerReturns(ShippedQuery query) {
        String sql = query.expand(Map.of());
        String one = DashboardSql.run(single, query.toString(), sql);
        assertFalse(one.isBlank(), query + " returned no rows");
        assertEquals(
                sorted(one),
                sorted(DashboardSql.run(shardAdmins.get(0), query.toString(), sql)),
                query.toString());
    }

    static List<Arguments> panels() {
        List<Arguments> out = new ArrayList<>();
        for (Dashboard d : Dashboard.loadAll()) {
            for (Dashboard.Variable v : d.queryVariables()) {
                out.add(Arguments.of(d + " $" + v.name(), v, null, true));
            }
            for (Dashboard.Target t : d.targets()) {
                out.add(Arguments.of(t.toString(), null, t, true));
                out.add(Arguments.of(t.toString(), null, t, false));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} all={3}")
    @MethodSource("panels")
    void everyDashboardQueryReturnsWhatOneServerReturns(
            String what, Dashboard.Variable variable, Dashboard.Target target, boolean all) {
        String sql =
                variable != null
                        ? dashboards.variableSql(variable)
                        : dashboards.panelSql(target, all);
        String one = DashboardSql.run(singleReader, what, sql);
        if (all) {
            assertFalse(one.isBlank(), what + " returned no rows:\n" + sql);
        }
        assertEquals(
                sorted(one), sorted(DashboardSql.run(clusterReader, what, sql)), what + "\n" + sql);
    }

    private static String engineOf(Engine engine, String table) {
        return engine.query(
                        "SELECT engine FROM system.tables WHERE database = '"
                                + Migrator.DATABASE
                                + "' AND name = '"
                                + table
                                + "'")
                .strip();
    }

    private static long count(Engine engine, String table) {
        return Long.parseLong(engine.query(qualified("SELECT count() FROM " + table)).strip());
    }

    private static String qualified(String sql) {
        return sql.replaceFirst("FROM (\\w+)", "FROM " + Migrator.DATABASE + ".$1");
    }

    /**
     * Rows in a canonical order: a query's ORDER BY may leave ties, whose order on one server
     * depends on its parts and on a cluster on which shard answered first.
     */
    private static List<String> sorted(String tsv) {
        return DashboardSql.rows(tsv).stream().sorted().toList();
    }
}
