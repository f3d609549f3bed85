package org.livepeer.analytics.launcher.restart;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

/**
 * {@code ./analytics up} stopped under load with SIGTERM, then killed with SIGKILL of its whole
 * process group under load, restarted each time on the same ANALYTICS_HOME, with more than 500,000
 * distinct events in all: every acknowledged event ends up archived and typed, nothing is doubled
 * after the tables' dedup (FINAL), each restart resumes where the last left off (from the
 * savepoint, then from the latest checkpoint), and the dedup ids survive (retried copies sent after
 * the restart are archived but not typed again).
 */
class RestartIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final String PREFIX = "rst";
    private static final int RETRIED_BATCHES = 50;

    @TempDir Path home;
    @TempDir Path logs;

    @Test
    @Timeout(value = 18, unit = TimeUnit.MINUTES)
    void restartsAfterSigtermAndSigkillLoseAndDoubleNothing() throws Exception {
        Map<String, String> ports = LauncherProcess.ports();
        Path log = logs.resolve("launcher.log");
        IngestLoad load = null;

        LauncherProcess up = LauncherProcess.start(home, ports, log);
        up.awaitLine("flink-job .*fresh state", START);
        up.awaitLine("\\[ ok \\] ready", START);
        load = new IngestLoad(port(ports, "GATEWAY_PORT"), key(), PREFIX);
        // Phase 1: SIGTERM once 150,000 events are acknowledged, with the load still running.
        stopUnderLoad(load, up, 0, 3_000, 150_000, false);

        up = LauncherProcess.start(home, ports, log);
        up.awaitLine("flink-job .*resumed from savepoints/", START);
        up.awaitLine("\\[ ok \\] ready", START);
        // Copies of events acknowledged before the stop, as a retrying gateway would send.
        load.send(0, RETRIED_BATCHES);
        // Phase 2: SIGKILL of the whole process group once 150,000 more are acknowledged.
        long before = load.ackedEvents();
        stopUnderLoad(load, up, 3_000, 6_000, before + 150_000, true);

        up = LauncherProcess.start(home, ports, log);
        up.awaitLine("flink-job .*resumed from checkpoints/", START);
        up.awaitLine("\\[ ok \\] ready", START);
        // Phase 3: 250,000 more, all the way.
        load.send(6_000, 8_500);
        long acked = load.ackedEvents();
        assertTrue(acked >= 500_000, "acknowledged " + acked);

        ClickHouseHttp reader = reader();
        await().atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> distinct(reader, "stream_trace_events") >= acked);
        Set<String> raw = ids(reader, "streaming_events");
        Set<String> typed = ids(reader, "stream_trace_events");
        long missingRaw = 0;
        long missingTyped = 0;
        for (long n = 0; n < 8_500L * IngestLoad.BATCH; n++) {
            if (load.isAcked(n)) {
                missingRaw += raw.contains(load.id(n)) ? 0 : 1;
                missingTyped += typed.contains(load.id(n)) ? 0 : 1;
            }
        }
        long typedFinal =
                number(
                        reader,
                        "SELECT count() FROM {t} FINAL WHERE " + mine(),
                        "stream_trace_events");
        long retriedTyped =
                number(reader, "SELECT count() FROM {t} WHERE " + retried(), "stream_trace_events");
        long retriedRaw =
                number(
                        reader,
                        "SELECT count() FROM {t} FINAL WHERE " + retried(),
                        "streaming_events");
        System.out.printf(
                "[restart] acknowledged %d; raw ids %d, typed ids %d, typed rows after FINAL %d;"
                        + " retried copies: raw %d, typed %d%n",
                acked, raw.size(), typed.size(), typedFinal, retriedRaw, retriedTyped);
        assertEquals(0, missingRaw, "acknowledged events missing from the raw archive");
        assertEquals(0, missingTyped, "acknowledged events missing from the typed table");
        assertEquals(typed.size(), typedFinal, "typed rows doubled after FINAL");
        assertEquals(raw.size(), typed.size(), "every archived event is typed (all are valid)");
        int retriedEvents = RETRIED_BATCHES * IngestLoad.BATCH;
        assertEquals(2L * retriedEvents, retriedRaw, "both copies archived");
        assertEquals(retriedEvents, retriedTyped, "copies after the restart not typed again");
        up.terminate(Duration.ofMinutes(2));
    }

    /** Runs batches {@code [from, to)} and stops the launcher once {@code ackedAtLeast}. */
    private static void stopUnderLoad(
            IngestLoad load, LauncherProcess up, int from, int to, long ackedAtLeast, boolean kill)
            throws Exception {
        Thread sender =
                new Thread(
                        () -> {
                            try {
                                load.send(from, to);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "restart-load");
        sender.start();
        await().atMost(Duration.ofMinutes(5)).until(() -> load.ackedEvents() >= ackedAtLeast);
        if (kill) {
            up.killProcessGroup();
        } else {
            up.terminate(Duration.ofMinutes(2));
        }
        sender.join(TimeUnit.MINUTES.toMillis(2));
        load.stop();
    }

    private String key() throws Exception {
        return LauncherProcess.credentials(home).get("INGEST_API_KEY");
    }

    private ClickHouseHttp reader() throws Exception {
        Map<String, String> c = LauncherProcess.credentials(home);
        return new ClickHouseHttp(
                URI.create(c.get("CLICKHOUSE_URL")),
                c.get("CLICKHOUSE_USER"),
                c.get("CLICKHOUSE_PASSWORD"));
    }

    private static String mine() {
        return "event_id LIKE '" + PREFIX + "-%'";
    }

    private static String retried() {
        return mine()
                + " AND toUInt64(substring(event_id, "
                + (PREFIX.length() + 2)
                + ")) < "
                + RETRIED_BATCHES * IngestLoad.BATCH;
    }

    private static long distinct(ClickHouseHttp ch, String table) {
        return number(ch, "SELECT uniqExact(event_id) FROM {t} WHERE " + mine(), table);
    }

    /** Runs {@code sql} with {@code {t}} naming {@code table}; its answer is one number. */
    private static long number(ClickHouseHttp ch, String sql, String table) {
        return Long.parseLong(ch.query(sql.replace("{t}", "livepeer_analytics." + table)).trim());
    }

    private static Set<String> ids(ClickHouseHttp ch, String table) {
        String rows =
                ch.query(
                        "SELECT DISTINCT event_id FROM livepeer_analytics."
                                + table
                                + " WHERE "
                                + mine());
        return new HashSet<>(rows.lines().toList());
    }

    private static int port(Map<String, String> ports, String key) {
        return Integer.parseInt(ports.get(key));
    }
}
