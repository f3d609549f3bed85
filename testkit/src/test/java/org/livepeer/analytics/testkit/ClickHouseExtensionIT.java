package org.livepeer.analytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;

@WithClickHouse
class ClickHouseExtensionIT {

    @Test
    void serverIsMigratedAndUsersWork(
            ClickHouseTestServer clickhouse, ClickHouseServerProcess process) {
        assertSame(clickhouse.process(), process);
        assertTrue(process.isAlive());
        assertTrue(
                clickhouse
                        .migration()
                        .orElseThrow()
                        .applied()
                        .contains("V001__raw_archive_and_dlq"));
        assertEquals(0, clickhouse.countRows("streaming_events"));

        String rows = row("a", 1) + row("b", 2) + row("c", 3);
        clickhouse
                .writer()
                .insert(
                        "livepeer_analytics.streaming_events",
                        "JSONEachRow",
                        rows.getBytes(StandardCharsets.UTF_8));

        assertEquals(3, clickhouse.countRows("streaming_events"));
        assertEquals(1, clickhouse.count("streaming_events", "event_id = 'b'"));
        assertEquals(
                "3\n",
                clickhouse
                        .reader()
                        .query("SELECT count() FROM livepeer_analytics.streaming_events"));

        clickhouse.truncate("streaming_events");
        assertEquals(0, clickhouse.countRows("livepeer_analytics.streaming_events"));
    }

    @Test
    void readerStaysReadOnly(ClickHouseTestServer clickhouse) {
        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () ->
                                clickhouse
                                        .reader()
                                        .execute(
                                                "TRUNCATE TABLE livepeer_analytics.streaming_events"));
        assertEquals(164, e.code());
    }

    @Test
    void tableNamesAreChecked(ClickHouseTestServer clickhouse) {
        assertThrows(IllegalArgumentException.class, () -> clickhouse.countRows("x; DROP TABLE y"));
    }

    private static String row(String id, int offset) {
        return "{\"event_id\":\""
                + id
                + "\",\"event_type\":\"t\",\"event_ts_ms\":1714564800000,"
                + "\"event_time\":\"2024-05-01 12:00:00\",\"event_date\":\"2024-05-01\",\"gateway\":\"g\","
                + "\"source\":\"test\",\"payload\":\"{}\",\"kafka_partition\":0,\"kafka_offset\":"
                + offset
                + ",\"processed_ts_ms\":1714564800001}\n";
    }
}
