package org.livepeer.analytics.clickhouse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttpOptions;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttpOptions.InsertCompression;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.clickhouse.rollup.RollupBackfill;
import org.livepeer.analytics.clickhouse.schema.Migrator;

/**
 * What the writer may do on ClickHouse 18.16, including with {@code allow_ddl=1} sent in the URL,
 * which 18.16 cannot forbid (docs/decisions/0008).
 */
class WriterPrivilegesIT {
    private static final String PAYMENTS = "livepeer_analytics.payment_events";
    private static final Map<String, String> ALLOW_DDL = Map.of("allow_ddl", "1");
    private static final int DDL_PROHIBITED = 392; // QUERY_IS_PROHIBITED
    private static final int DROP_LIMIT = 359; // TABLE_SIZE_EXCEEDS_MAX_DROP_SIZE_LIMIT

    @TempDir static Path dataDir;
    static ClickHouseServerProcess server;
    static ClickHouseHttp admin;
    static ClickHouseHttp writer;

    @BeforeAll
    static void startMigrateAndInsertAPayment() {
        server = ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(dataDir));
        admin = server.client(server.admin());
        writer = server.client(server.writer());
        new Migrator(admin).migrate();
        writer.insert(PAYMENTS, "JSONEachRow", payment("p-0"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The reproduction: this answered 200 and the table was gone. */
    @Test
    void writerCannotDropPaymentEventsWithAllowDdlInTheUrl() {
        long before = payments();
        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () -> writer.execute("DROP TABLE " + PAYMENTS, ALLOW_DDL));
        assertEquals(DROP_LIMIT, e.code(), e.getMessage());
        assertEquals(before, payments());
    }

    /** Each on a table of its own, so that one that succeeds leaves the others their table. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "DROP TABLE {t}",
                "TRUNCATE TABLE {t}",
                "ALTER TABLE {t} DROP PARTITION 202405",
                "ALTER TABLE {t} DETACH PARTITION 202405"
            })
    void writerCannotDropDataEvenWithAllowDdlInTheUrl(String statement) {
        String target = "livepeer_analytics.drop_target";
        admin.execute(
                "CREATE TABLE IF NOT EXISTS "
                        + target
                        + " (event_id String, event_date Date) ENGINE = MergeTree"
                        + " PARTITION BY toYYYYMM(event_date) ORDER BY event_id");
        writer.insert(
                target,
                "JSONEachRow",
                "{\"event_id\":\"t-1\",\"event_date\":\"2024-05-01\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
        String before = admin.query("SELECT count() FROM " + target);

        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () -> writer.execute(statement.replace("{t}", target), ALLOW_DDL));

        assertEquals(DROP_LIMIT, e.code(), e.getMessage());
        assertEquals(before, admin.query("SELECT count() FROM " + target));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DROP TABLE " + PAYMENTS,
                "TRUNCATE TABLE " + PAYMENTS,
                "CREATE TABLE livepeer_analytics.sneaky (x UInt8) ENGINE = MergeTree ORDER BY x",
                "ALTER TABLE " + PAYMENTS + " ADD COLUMN sneaky UInt8",
                "ALTER TABLE " + PAYMENTS + " DELETE WHERE 1",
                "RENAME TABLE " + PAYMENTS + " TO livepeer_analytics.sneaky",
                "DETACH TABLE " + PAYMENTS
            })
    void writerRunsNoDdlWithItsOwnSettings(String statement) {
        ClickHouseException e =
                assertThrows(ClickHouseException.class, () -> writer.execute(statement));
        assertEquals(DDL_PROHIBITED, e.code(), e.getMessage());
    }

    @Test
    void writerInsertsAsTheSinkDoesPlainAndGzipped() {
        long before = payments();
        // The sink's client: default options, no URL settings, JSONEachRow.
        writer.insert(PAYMENTS, "JSONEachRow", payment("p-plain"));
        ClickHouseHttp remoteStyle =
                new ClickHouseHttp(
                        server.httpUri(),
                        server.writer(),
                        ClickHouseHttpOptions.defaults()
                                .withInsertCompression(InsertCompression.GZIP));
        remoteStyle.insert(PAYMENTS, "JSONEachRow", payment("p-gzip"));
        assertEquals(before + 2, payments());
    }

    @Test
    void writerRecomputesEveryRollupHourFromItsSources() {
        String status =
                "{\"event_id\":\"s-1\",\"event_type\":\"ai_stream_status\","
                        + "\"event_ts_ms\":1714564800000,"
                        + "\"event_time\":\"2024-05-01 12:00:00\",\"event_date\":\"2024-05-01\","
                        + "\"stream_id\":\"st\",\"orchestrator_address\":\"0xorch\","
                        + "\"state\":\"ONLINE\",\"output_fps\":30}\n";
        writer.insert(
                "livepeer_analytics.ai_stream_status",
                "JSONEachRow",
                status.getBytes(StandardCharsets.UTF_8));
        List<HourlyRollup> rollups = HourlyRollup.all("streaming-events");
        for (HourlyRollup each : rollups) {
            writer.execute(each.recompute(HourlyRollup.hourStartSeconds(1714564800000L), 1));
        }
        HourlyRollup rollup = rollups.get(0);

        assertEquals(
                "ai_stream_status\t1\n",
                admin.query(
                        "SELECT event_type, typed_events FROM livepeer_analytics.accounting_minutely"
                                + " FINAL WHERE event_type = 'ai_stream_status' FORMAT TabSeparated"));
        assertEquals(
                "0xorch\t1\n",
                admin.query(
                        "SELECT orchestrator_address, countMerge(samples) FROM livepeer_analytics."
                                + rollup.table()
                                + " FINAL GROUP BY orchestrator_address FORMAT TabSeparated"));
    }

    /** Rows stored before a rollup existed reach it through the backfill, as the writer. */
    @Test
    void theBackfillRecomputesTheHoursThatHoldRowsInItsRange() {
        long ms = 1_700_000_000_000L;
        String raw =
                "{\"event_id\":\"r-1\",\"event_type\":\"payment_events\",\"event_ts_ms\":"
                        + ms
                        + ",\"event_time\":\"2023-11-14 22:13:20\",\"event_date\":\"2023-11-14\","
                        + "\"gateway\":\"g\",\"source\":\"k\",\"payload\":\"{}\","
                        + "\"kafka_partition\":0,\"kafka_offset\":7,\"processed_ts_ms\":"
                        + ms
                        + "}\n";
        writer.insert(
                "livepeer_analytics.streaming_events",
                "JSONEachRow",
                raw.getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        RollupBackfill backfill = new RollupBackfill(writer, HourlyRollup.all("streaming-events"));

        backfill.run(Instant.ofEpochMilli(ms + 3_600_000), Instant.now(), lines::add);
        assertEquals("0\n", rawEventsOfGateway("g"), "the row's hour is outside: " + lines);

        int hours =
                backfill.run(
                        Instant.ofEpochMilli(ms - 1000),
                        Instant.ofEpochMilli(ms + 1000),
                        lines::add);

        // The raw archive feeds three rollups: accounting, rows per table, latency.
        assertEquals(3, hours, lines.toString());
        assertEquals("1\n", rawEventsOfGateway("g"));
    }

    private static String rawEventsOfGateway(String gateway) {
        return admin.query(
                "SELECT toUInt64(sum(raw_events)) FROM livepeer_analytics.accounting_minutely FINAL"
                        + " WHERE gateway = '"
                        + gateway
                        + "' FORMAT TabSeparated");
    }

    /** 18.16 has no per-user SELECT privilege; the rollup recomputation needs it anyway. */
    @Test
    void writerCanSelectOn1816() {
        assertEquals(payments() + "\n", writer.query("SELECT count() FROM " + PAYMENTS));
    }

    /** What {@code allow_ddl=1} still opens on 18.16: DDL that drops no data. */
    @Test
    void allowDdlInTheUrlStillLetsTheWriterCreateTables() {
        writer.execute(
                "CREATE TABLE livepeer_analytics.writer_made (x UInt8) ENGINE = Memory", ALLOW_DDL);
        assertEquals("1\n", admin.query("EXISTS TABLE livepeer_analytics.writer_made"));
        admin.execute("DROP TABLE livepeer_analytics.writer_made");
    }

    @Test
    void theOwnerDropsDataWithTheFlagWhichDoesNotOutliveTheStatement() {
        admin.execute(
                "CREATE TABLE livepeer_analytics.scratch (x UInt8) ENGINE = MergeTree ORDER BY x");
        admin.execute("INSERT INTO livepeer_analytics.scratch VALUES (1)");
        ClickHouseException refused =
                assertThrows(
                        ClickHouseException.class,
                        () -> admin.execute("TRUNCATE TABLE livepeer_analytics.scratch"));
        assertEquals(DROP_LIMIT, refused.code());

        server.allowingDrop(() -> admin.execute("TRUNCATE TABLE livepeer_analytics.scratch"));
        assertEquals("0\n", admin.query("SELECT count() FROM livepeer_analytics.scratch"));

        // A flag the statement did not use is gone as well.
        server.allowingDrop(() -> admin.query("SELECT 1"));
        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () -> writer.execute("DROP TABLE " + PAYMENTS, ALLOW_DDL));
        assertEquals(DROP_LIMIT, e.code());
        server.allowingDrop(() -> admin.execute("DROP TABLE livepeer_analytics.scratch"));
    }

    private static long payments() {
        return Long.parseLong(admin.query("SELECT count() FROM " + PAYMENTS).trim());
    }

    private static byte[] payment(String id) {
        return ("{\"event_id\":\""
                        + id
                        + "\",\"event_type\":\"create_new_payment\",\"event_ts_ms\":1714564800000,"
                        + "\"event_time\":\"2024-05-01 12:00:00\",\"event_date\":\"2024-05-01\","
                        + "\"recipient\":\"0xrecipient\",\"session_id\":\"s\",\"num_tickets\":1}\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
