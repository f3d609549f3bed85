package org.livepeer.analytics.clickhouse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.http.ClickHouseCredentials;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.FailureKind;
import org.livepeer.analytics.clickhouse.schema.Migrator;

/** The three users of a generated configuration, and how their failures are classified. */
class ServerUsersIT {
    private static final String TABLE = "livepeer_analytics.streaming_events";

    @TempDir static Path dataDir;
    static ClickHouseServerProcess server;
    static ClickHouseHttp admin;
    static ClickHouseHttp writer;
    static ClickHouseHttp reader;

    @BeforeAll
    static void startAndMigrate() {
        server = ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(dataDir));
        admin = server.client(server.admin());
        writer = server.client(server.writer());
        reader = server.client(server.reader());
        new Migrator(admin).migrate();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void writerInsertsGzippedJsonEachRowAndReaderSeesIt() {
        String rows = row("w-1", 0) + row("w-2", 1) + row("w-3", 2);
        writer.insert(TABLE, "JSONEachRow", rows.getBytes(StandardCharsets.UTF_8));

        assertEquals(
                "3\n", reader.query("SELECT count() FROM " + TABLE + " WHERE event_id LIKE 'w-%'"));
        assertEquals(
                "w-1\t2024-05-01 12:00:00\n",
                reader.query(
                        "SELECT event_id, event_time FROM "
                                + TABLE
                                + " WHERE event_id = 'w-1' FORMAT TabSeparated"));
    }

    @Test
    void writerRunsNoDdl() {
        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () ->
                                writer.execute(
                                        "CREATE TABLE livepeer_analytics.sneaky (x UInt8) ENGINE = MergeTree ORDER BY x"));
        assertEquals(392, e.code()); // QUERY_IS_PROHIBITED: DDL queries are prohibited for the user
        assertEquals(FailureKind.FAIL, e.kind());
    }

    @Test
    void writerAndReaderAreConfinedToTheAnalyticsDatabase() {
        ClickHouseException w =
                assertThrows(
                        ClickHouseException.class,
                        () -> writer.query("SELECT count() FROM default.nothing"));
        assertEquals(291, w.code()); // DATABASE_ACCESS_DENIED
        ClickHouseException r =
                assertThrows(
                        ClickHouseException.class,
                        () -> reader.query("SELECT count() FROM default.nothing"));
        assertEquals(291, r.code());
    }

    /** Grafana's plugin sends max_execution_time with every query; the reader must take it. */
    @Test
    void readerSelectsWithPerQuerySettingsButCannotWriteOrLowerReadonly() {
        assertEquals("1\n", reader.query("SELECT 1", Map.of("max_execution_time", "30")));
        ClickHouseException insert =
                assertThrows(
                        ClickHouseException.class,
                        () ->
                                reader.insert(
                                        TABLE,
                                        "JSONEachRow",
                                        row("r-1", 0).getBytes(StandardCharsets.UTF_8)));
        assertEquals(164, insert.code()); // READONLY
        assertFalse(insert.retryable());
        ClickHouseException unlocked =
                assertThrows(
                        ClickHouseException.class,
                        () ->
                                reader.insert(
                                        TABLE,
                                        "JSONEachRow",
                                        row("r-2", 0).getBytes(StandardCharsets.UTF_8),
                                        Map.of("readonly", "0")));
        assertEquals(164, unlocked.code(), unlocked.getMessage());
        ClickHouseException ddl =
                assertThrows(
                        ClickHouseException.class,
                        () -> reader.execute("DROP TABLE " + TABLE, Map.of("allow_ddl", "1")));
        assertTrue(ddl.code() == 164 || ddl.code() == 392, ddl.getMessage());
        assertEquals(
                "0\n", admin.query("SELECT count() FROM " + TABLE + " WHERE event_id LIKE 'r-%'"));
    }

    @Test
    void badDataIsRejectedNotRetried() {
        String wrongType = "{\"event_id\":\"bad-1\",\"kafka_partition\":\"not a number\"}\n";
        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () ->
                                writer.insert(
                                        TABLE,
                                        "JSONEachRow",
                                        wrongType.getBytes(StandardCharsets.UTF_8)));
        assertEquals(27, e.code()); // CANNOT_PARSE_INPUT_ASSERTION_FAILED
        assertEquals(FailureKind.REJECT_DATA, e.kind());
        assertFalse(e.retryable());

        String unknownColumn = "{\"event_id\":\"bad-2\",\"no_such_column\":1}\n";
        ClickHouseException unknown =
                assertThrows(
                        ClickHouseException.class,
                        () ->
                                writer.insert(
                                        TABLE,
                                        "JSONEachRow",
                                        unknownColumn.getBytes(StandardCharsets.UTF_8)));
        assertEquals(117, unknown.code()); // INCORRECT_DATA
        assertEquals(FailureKind.REJECT_DATA, unknown.kind());
        assertEquals(
                "0\n",
                admin.query("SELECT count() FROM " + TABLE + " WHERE event_id LIKE 'bad-%'"));
    }

    @Test
    void wrongPasswordFailsWithoutRetry() {
        ClickHouseHttp impostor =
                new ClickHouseHttp(server.httpUri(), new ClickHouseCredentials("writer", "nope"));
        ClickHouseException e =
                assertThrows(ClickHouseException.class, () -> impostor.query("SELECT 1"));
        assertEquals(193, e.code()); // WRONG_PASSWORD
        assertEquals(FailureKind.FAIL, e.kind());
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ClickHouseHttp nowhere =
                new ClickHouseHttp(URI.create("http://127.0.0.1:" + closedPort), server.writer());
        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () ->
                                nowhere.insert(
                                        TABLE,
                                        "JSONEachRow",
                                        row("n-1", 0).getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, e.code());
        assertEquals(-1, e.httpStatus());
        assertTrue(e.retryable());
    }

    private static String row(String id, int offset) {
        return "{\"event_id\":\""
                + id
                + "\",\"event_type\":\"ai_stream_status\",\"event_ts_ms\":1714564800000,"
                + "\"event_time\":\"2024-05-01 12:00:00\",\"event_date\":\"2024-05-01\",\"gateway\":\"g\","
                + "\"source\":\"test\",\"payload\":\"{}\",\"kafka_partition\":0,\"kafka_offset\":"
                + offset
                + ",\"processed_ts_ms\":1714564800001}\n";
    }
}
