package org.livepeer.analytics.launcher.restart;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.query.ShippedQuery;
import org.livepeer.analytics.launcher.flink.FlinkStateDirs;
import org.livepeer.analytics.testkit.launch.LaunchedPipeline;

/**
 * {@code ./analytics up} stopped under load with SIGTERM, then killed with SIGKILL of its whole
 * process group under load, restarted each time on the same ANALYTICS_HOME, with more than 500,000
 * distinct events in all: every acknowledged event ends up archived and typed, nothing is doubled
 * after the tables' dedup (FINAL), each restart resumes where the last left off (from the
 * savepoint, then from the latest checkpoint), the dedup ids survive (retried copies sent after the
 * restart are archived but not typed again), and the hourly rollup equals a fresh recompute from
 * the typed table (docs/reliability.md).
 */
class RestartIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final String PREFIX = "rst";
    private static final int RETRIED_BATCHES = 50;

    /** Batches sent over the three phases: 3,000, 3,000 and 2,500. */
    private static final int BATCHES = 8_500;

    private static final String RAW = "streaming_events";
    private static final List<String> TYPED = List.of("stream_trace_events", "ai_stream_status");

    // Kept when the test fails: the launcher's log and the Flink state are the evidence.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path logs;

    @RegisterExtension final LauncherUnderTest launcher = LauncherUnderTest.perTest();

    /** The launcher running now. */
    private LaunchedPipeline up;

    @Test
    @Timeout(value = 18, unit = TimeUnit.MINUTES)
    void restartsAfterSigtermAndSigkillLoseAndDoubleNothing() throws Exception {
        Map<String, String> ports = LaunchedPipeline.freePorts();
        Path log = logs.resolve("launcher.log");

        up = launcher.start(home, ports, log);
        up.awaitLine("flink-job .*fresh state", START);
        up.awaitLine("\\[ ok \\] ready", START);
        IngestLoad load =
                new IngestLoad(
                        up.port("GATEWAY_PORT"), up.credentials().get("INGEST_API_KEY"), PREFIX);
        // Phase 1: SIGTERM once 150,000 events are acknowledged, with the load still running.
        stopUnderLoad(load, up, 0, 3_000, 150_000, false);

        up = launcher.start(home, ports, log);
        up.awaitLine("flink-job .*resumed from savepoints/", START);
        up.awaitLine("\\[ ok \\] ready", START);
        // Copies of events acknowledged before the stop, as a retrying gateway would send.
        load.send(0, RETRIED_BATCHES);
        // Phase 2: SIGKILL of the whole process group once 150,000 more are acknowledged.
        long before = load.ackedEvents();
        stopUnderLoad(load, up, 3_000, 6_000, before + 150_000, true);

        up = launcher.start(home, ports, log);
        up.awaitLine("flink-job .*resumed from checkpoints/", START);
        up.awaitLine("\\[ ok \\] ready", START);
        // Phase 3: 250,000 more, all the way.
        load.send(6_000, BATCHES);
        long acked = load.ackedEvents();
        assertTrue(acked >= 500_000, "acknowledged " + acked);

        ClickHouseHttp reader = up.reader();
        awaitAllWritten(reader, load, acked, log);
        assertCountedOnce(reader, load, acked);
        // The status reports' hours, recomputed by the sink across the restarts, equal a fresh
        // recompute from the typed table: three orchestrators, no key and no hour differing.
        String drift =
                ShippedQuery.resource("orchestrator_hourly_stats_drift.sql").expand(Map.of());
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> reader.query(drift).trim().equals("3\t0\t[]"));
        up.terminate(Duration.ofMinutes(2));
    }

    /** Every acknowledged event archived and typed, none doubled, retried copies typed once. */
    private static void assertCountedOnce(ClickHouseHttp reader, IngestLoad load, long acked) {
        Set<String> raw = ids(reader, RAW);
        Set<String> typed = ids(reader, TYPED);
        Missing missing = missing(raw, typed, load);
        long typedFinal = number(reader, "SELECT count() FROM {t} FINAL WHERE " + mine(), TYPED);
        long retriedTyped = number(reader, "SELECT count() FROM {t} WHERE " + retried(), TYPED);
        long retriedRaw = number(reader, "SELECT count() FROM {t} FINAL WHERE " + retried(), RAW);
        System.out.printf(
                "[restart] acknowledged %d; raw ids %d, typed ids %d, typed rows after FINAL %d;"
                        + " retried copies: raw %d, typed %d%n",
                acked, raw.size(), typed.size(), typedFinal, retriedRaw, retriedTyped);
        assertEquals(0, missing.raw(), "acknowledged events missing from the raw archive");
        assertEquals(0, missing.typed(), "acknowledged events missing from the typed tables");
        assertEquals(typed.size(), typedFinal, "typed rows doubled after FINAL");
        assertEquals(raw.size(), typed.size(), "every archived event is typed (all are valid)");
        int retriedEvents = RETRIED_BATCHES * IngestLoad.BATCH;
        assertEquals(2L * retriedEvents, retriedRaw, "both copies archived");
        assertEquals(retriedEvents, retriedTyped, "copies after the restart not typed again");
    }

    /** Acknowledged ids absent from the raw archive and from the typed tables. */
    private record Missing(long raw, long typed) {}

    private static Missing missing(ClickHouseHttp reader, IngestLoad load) {
        return missing(ids(reader, RAW), ids(reader, TYPED), load);
    }

    private static Missing missing(Set<String> raw, Set<String> typed, IngestLoad load) {
        long missingRaw = 0;
        long missingTyped = 0;
        for (long n = 0; n < (long) BATCHES * IngestLoad.BATCH; n++) {
            if (load.isAcked(n)) {
                missingRaw += raw.contains(load.id(n)) ? 0 : 1;
                missingTyped += typed.contains(load.id(n)) ? 0 : 1;
            }
        }
        return new Missing(missingRaw, missingTyped);
    }

    /** Runs batches {@code [from, to)} and stops the launcher once {@code ackedAtLeast}. */
    private void stopUnderLoad(
            IngestLoad load,
            LaunchedPipeline launcher,
            int from,
            int to,
            long ackedAtLeast,
            boolean kill)
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
            // The kill is to find a checkpoint of this run to resume from, not the savepoint it
            // started from (a checkpoint every PROCESSOR_CHECKPOINT_INTERVAL_MS, 10 s).
            FlinkStateDirs dirs = FlinkStateDirs.under(home);
            await().atMost(Duration.ofMinutes(2))
                    .until(
                            () ->
                                    dirs.latestSnapshot()
                                            .filter(p -> p.startsWith(dirs.checkpoints()))
                                            .isPresent());
            launcher.killProcessGroup();
        } else {
            launcher.terminate(Duration.ofMinutes(2));
        }
        sender.join(TimeUnit.MINUTES.toMillis(2));
        load.stop();
    }

    /**
     * Waits until as many ids as were acknowledged are archived and typed (the sink sends each
     * table's batch on its own, so one table can be a second ahead); if not in time, says why.
     */
    private void awaitAllWritten(ClickHouseHttp reader, IngestLoad load, long acked, Path log)
            throws IOException {
        try {
            await().atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(
                            () ->
                                    distinct(reader, TYPED) >= acked
                                            && distinct(reader, List.of(RAW)) >= acked
                                            && missing(reader, load).equals(new Missing(0, 0)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    String.format(
                            "typed ids %d, raw ids %d of %d acknowledged after 6 minutes; state in"
                                    + " %s, log %s, its exceptions:%n%s",
                            distinct(reader, TYPED),
                            distinct(reader, List.of(RAW)),
                            acked,
                            home,
                            log,
                            exceptions(log)),
                    e);
        }
    }

    /** The distinct exception lines of the launcher's log, the first 30. */
    private static String exceptions(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("Exception") && !l.startsWith("\tat "))
                    .distinct()
                    .limit(30)
                    .collect(Collectors.joining("\n"));
        }
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

    private static long distinct(ClickHouseHttp ch, List<String> tables) {
        return number(ch, "SELECT uniqExact(event_id) FROM {t} WHERE " + mine(), tables);
    }

    /** The sum over {@code tables} of {@code sql}, whose {@code {t}} names the table. */
    private static long number(ClickHouseHttp ch, String sql, List<String> tables) {
        long sum = 0;
        for (String table : tables) {
            sum +=
                    Long.parseLong(
                            ch.query(sql.replace("{t}", "livepeer_analytics." + table)).trim());
        }
        return sum;
    }

    private static long number(ClickHouseHttp ch, String sql, String table) {
        return number(ch, sql, List.of(table));
    }

    private static Set<String> ids(ClickHouseHttp ch, String table) {
        return ids(ch, List.of(table));
    }

    /** The distinct ids of this test's events in {@code tables}. */
    private static Set<String> ids(ClickHouseHttp ch, List<String> tables) {
        Set<String> out = new HashSet<>();
        for (String table : tables) {
            String rows =
                    ch.query(
                            "SELECT DISTINCT event_id FROM livepeer_analytics."
                                    + table
                                    + " WHERE "
                                    + mine());
            out.addAll(rows.lines().toList());
        }
        return out;
    }
}
