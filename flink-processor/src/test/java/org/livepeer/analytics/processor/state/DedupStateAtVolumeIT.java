package org.livepeer.analytics.processor.state;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.processor.JobUnderTest;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;
import org.livepeer.analytics.testkit.flink.JobRest;

/**
 * The regression of the wedge found at about 300,000 ids: the 24 h dedup state used to be
 * checkpointed into JobManager memory, capped at 5 MiB, so every checkpoint after that failed and
 * the job restarted and replayed forever. Here the whole job (RocksDB, incremental checkpoints to a
 * directory) reads more than 500,000 distinct events plus retried copies from a real broker into a
 * real ClickHouse, and must complete every checkpoint without a single restart, leaving every event
 * archived and typed exactly once (before any ReplacingMergeTree merge: nothing was replayed).
 */
@WithKafka
@WithClickHouse
class DedupStateAtVolumeIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.extension(restHistory());

    private static final long EVENTS = 520_000;
    private static final int COPY_EVERY = 50;
    private static final String TOPIC = "volume-events";

    /**
     * The job's default; {@code -Dvolume.stateBackend=hashmap} runs the same load on the heap
     * backend for the comparison in docs/decisions/0005-durable-dedup-state.md.
     */
    private static final String BACKEND = System.getProperty("volume.stateBackend", "rocksdb");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void moreThanHalfAMillionIdsCheckpointEveryTimeWithoutARestart(
            EmbeddedKafkaBroker kafka,
            ClickHouseTestServer clickhouse,
            @InjectClusterClient ClusterClient<?> cluster,
            @TempDir Path checkpoints)
            throws Exception {
        kafka.createTopic(TOPIC, 3, Map.of());
        JobClient job = startJob(kafka, clickhouse, checkpoints);
        JobRest rest = new JobRest(cluster.getWebInterfaceURL(), job.getJobID().toString());
        // Checkpoints triggered while the tasks are still being deployed are declined before they
        // start (counted as failed by Flink); the load begins once one has completed.
        // The REST API answers 500 until the job's checkpoint coordinator exists.
        await().atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> rest.completedCheckpoints() >= 1);
        long failedAtStart = rest.failedCheckpoints();
        try (VolumeLoad load = new VolumeLoad(kafka.bootstrapServers(), TOPIC, "vol")) {
            long started = System.nanoTime();
            load.produce(EVENTS, COPY_EVERY);
            String like = load.likePattern();
            await().atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> rawRows(clickhouse, like) >= load.records());
            // One more checkpoint after the last row: the state holds every id.
            long done = rest.completedCheckpoints();
            await().atMost(Duration.ofMinutes(1)).until(() -> rest.completedCheckpoints() > done);

            JsonNode stats = rest.checkpoints();
            List<String> failures = rest.failures();
            long failedUnderLoad = rest.failedCheckpoints() - failedAtStart;
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            System.out.printf(
                    "[volume] %d distinct events + %d copies in %d s; checkpoints %s;"
                            + " latest state %d bytes; failed under load %d %s; backend %s%n",
                    load.distinct(),
                    load.records() - load.distinct(),
                    seconds,
                    stats.path("counts"),
                    stats.at("/latest/completed/state_size").asLong(),
                    failedUnderLoad,
                    failures,
                    BACKEND);
            assertEquals(0, failedUnderLoad, "checkpoints failed under load: " + failures);
            assertEquals(0, rest.restarts(), "restarts");
            assertTrue(rest.completedCheckpoints() >= 5, "checkpoints completed: " + stats);
            if (BACKEND.equals("rocksdb")) {
                assertTrue(incrementalFilesIn(checkpoints), "RocksDB's incremental shared files");
            }

            assertEquals(load.records(), rawRows(clickhouse, like), "raw archive keeps every copy");
            assertEquals(
                    load.distinct(),
                    clickhouse.queryLong(
                            "SELECT uniqExact(event_id) FROM livepeer_analytics.streaming_events"
                                    + " WHERE event_id LIKE '"
                                    + like
                                    + "'"),
                    "distinct ids archived");
            for (Map.Entry<String, Long> e : load.expectedRows().entrySet()) {
                assertEquals(
                        e.getValue().longValue(),
                        clickhouse.count(e.getKey(), "event_id LIKE '" + like + "'"),
                        "typed rows once each, copies dropped: " + e.getKey());
            }
            assertEquals(0, clickhouse.countRows("streaming_events_dlq"), "dead letters");
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    private static Configuration restHistory() {
        Configuration conf = new Configuration();
        conf.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, 1000);
        return conf;
    }

    private static long rawRows(ClickHouseTestServer clickhouse, String like) {
        return clickhouse.count("streaming_events", "event_id LIKE '" + like + "'");
    }

    private static boolean incrementalFilesIn(Path checkpoints) throws IOException {
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.anyMatch(
                    p ->
                            Files.isRegularFile(p)
                                    && p.getParent().getFileName().toString().equals("shared"));
        }
    }

    /** Checkpoints every second on the state backend under test, no live windows. */
    private static JobClient startJob(
            EmbeddedKafkaBroker kafka, ClickHouseTestServer clickhouse, Path checkpoints)
            throws Exception {
        return JobUnderTest.on(kafka.bootstrapServers(), TOPIC, clickhouse.process(), checkpoints)
                .with("PROCESSOR_CHECKPOINT_INTERVAL_MS", "1000")
                .with("LIVE_METRICS_ENABLED", "false")
                .with("PROCESSOR_STATE_BACKEND", BACKEND)
                .start();
    }
}
