package org.livepeer.analytics.processor.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.processor.JobUnderTest;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;

/**
 * Delivery under faults, with a real KRaft broker, a real clickhouse-server process and a Flink
 * MiniCluster. Each test produces the real samples under fresh ids and then proves, per typed
 * table, that no event is missing and none is doubled: distinct ids and rows after FINAL equal what
 * the router yields for the distinct events, and that the hourly rollup equals a fresh recompute.
 */
@WithKafka
class DeliveryFaultIT {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Duration ARRIVAL = Duration.ofSeconds(45);
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir static Path clickhouseDir;
    @TempDir static Path stateDir;

    private static ClickHouseServerProcess clickhouse;
    private static PipelineCounts counts;
    private JobClient job;

    @BeforeAll
    static void startClickHouse() {
        clickhouse =
                ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(clickhouseDir));
        new Migrator(clickhouse.client(clickhouse.admin())).migrate();
        counts = new PipelineCounts(clickhouse.client(clickhouse.admin()));
    }

    @AfterAll
    static void stopClickHouse() {
        if (clickhouse != null) {
            clickhouse.close();
        }
    }

    @AfterEach
    void cancelJob() throws Exception {
        if (job != null) {
            job.cancel().get(30, TimeUnit.SECONDS);
            job = null;
        }
    }

    @Test
    @Timeout(90)
    void copiesOfAnEventEndUpOnceInTypedTablesAndEveryCopyInTheArchive(EmbeddedKafkaBroker kafka)
            throws Exception {
        String topic = topic(kafka, "dup");
        job = start(kafka, topic, new Configuration(), stateDir.resolve(topic));
        try (SampleLoad load = new SampleLoad(kafka.bootstrapServers(), topic, "dup")) {
            load.produceRound(2);
            load.produceRound(3);
            await().atMost(ARRIVAL).until(() -> counts.allArrived(load));
            await().atMost(ARRIVAL)
                    .until(
                            () ->
                                    counts.count("streaming_events", load.likePattern(), true)
                                            == 5L * SampleLoad.samplesPerRound());
            // Before FINAL too: the first copy alone was typed, the others were dropped in Flink.
            for (Map.Entry<String, Long> e : load.expectedRows().entrySet()) {
                assertEquals(
                        e.getValue().longValue(),
                        counts.count(e.getKey(), load.likePattern(), false),
                        e.getKey());
            }
            counts.assertExactlyOnceAfterFinal(load);
            await().atMost(ARRIVAL).until(counts::rollupExact);
        }
    }

    @Test
    @Timeout(90)
    void clickHouseStoppedForThirtySecondsUnderLoadLosesAndDoublesNothing(EmbeddedKafkaBroker kafka)
            throws Exception {
        String topic = topic(kafka, "outage");
        job = start(kafka, topic, new Configuration(), stateDir.resolve(topic));
        try (SampleLoad load = new SampleLoad(kafka.bootstrapServers(), topic, "outage")) {
            load.produceRound(1);
            await().atMost(ARRIVAL).until(() -> counts.allArrived(load));

            ClickHouseServerSettings same =
                    clickhouse.settings().withPorts(clickhouse.httpPort(), clickhouse.tcpPort());
            clickhouse.stop();
            assertFalse(clickhouse.isAlive());
            long down = System.nanoTime();
            // Load while the server is down: one round of samples every 500 ms for 30 s.
            await().atMost(OUTAGE.plusSeconds(10))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                load.produceRound(1);
                                return System.nanoTime() - down >= OUTAGE.toNanos();
                            });
            long producedWhileDown = load.distinctEvents() - SampleLoad.samplesPerRound();
            clickhouse = ClickHouseServerProcess.start(same);

            await().atMost(ARRIVAL).until(() -> counts.allArrived(load));
            assertTrue(producedWhileDown >= 20L * SampleLoad.samplesPerRound(), "load while down");
            long typed = counts.assertExactlyOnceAfterFinal(load);
            await().atMost(ARRIVAL).until(counts::rollupExact);
            System.out.printf(
                    "[fault:clickhouse-outage] distinct events %d (%d while down), typed rows %d%n",
                    load.distinctEvents(), producedWhileDown, typed);
        }
    }

    @Test
    @Timeout(90)
    void aCancelledJobRestoredFromItsLastCheckpointLosesAndDoublesNothing(
            EmbeddedKafkaBroker kafka, @TempDir Path checkpoints) throws Exception {
        String topic = topic(kafka, "restore");
        Configuration conf = new Configuration();
        job = start(kafka, topic, conf, checkpoints);
        try (SampleLoad load = new SampleLoad(kafka.bootstrapServers(), topic, "restore")) {
            load.produceRound(1);
            await().atMost(ARRIVAL).until(() -> counts.allArrived(load));
            int before = latestCheckpoint(checkpoints).map(DeliveryFaultIT::number).orElse(0);
            await().atMost(ARRIVAL)
                    .until(
                            () ->
                                    latestCheckpoint(checkpoints)
                                                    .map(DeliveryFaultIT::number)
                                                    .orElse(0)
                                            > before);

            // In flight at cancellation: written rows beyond the checkpoint are replayed later.
            load.produceRound(1);
            await().atMost(ARRIVAL)
                    .until(
                            () ->
                                    counts.distinctIds("streaming_events", load.likePattern())
                                            > SampleLoad.samplesPerRound());
            job.cancel().get(30, TimeUnit.SECONDS);
            job = null;
            Path restoreFrom = latestCheckpoint(checkpoints).orElseThrow();

            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
            job = start(kafka, topic, conf, checkpoints);
            load.produceRound(1);
            await().atMost(ARRIVAL).until(() -> counts.allArrived(load));
            long typed = counts.assertExactlyOnceAfterFinal(load);
            // The replayed rows were inserted twice; the hours they fell in were recomputed.
            await().atMost(ARRIVAL).until(counts::rollupExact);
            System.out.printf(
                    "[fault:cancel-restore] restored from %s; distinct events %d, typed rows %d%n",
                    restoreFrom.getFileName(), load.distinctEvents(), typed);
        }
    }

    private static String topic(EmbeddedKafkaBroker kafka, String name) {
        String topic = "events-" + name;
        kafka.createTopic(topic, 3, Map.of());
        return topic;
    }

    private JobClient start(
            EmbeddedKafkaBroker kafka, String topic, Configuration conf, Path checkpoints)
            throws Exception {
        return JobUnderTest.on(kafka.bootstrapServers(), topic, clickhouse, checkpoints)
                .with("SINK_BATCH_MAX_DELAY_MS", "200")
                .with("PROCESSOR_ROLLUP_REFRESH_MS", "500")
                .withFlink(conf)
                .start();
    }

    private static Optional<Path> latestCheckpoint(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .max((a, b) -> Integer.compare(number(a), number(b)));
        }
    }

    private static int number(Path checkpointDir) {
        return Integer.parseInt(checkpointDir.getFileName().toString().substring(4));
    }
}
