package org.livepeer.analytics.flinkcluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.gateway.GatewayVerticle;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.JobRest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shaded job jar on a standalone Flink cluster of separate JVMs, configured as compose
 * configures it (application mode, {@code standalone-job}; one TaskManager with two slots; the
 * job's settings from the environment, checkpoints and savepoints on a local directory standing in
 * for the {@code flink-data} volume), reading the in-process Kafka broker and writing to a real
 * {@code clickhouse-server}, loaded through the real gateway over HTTP. In order: (a) the job
 * starts and every accepted event is counted; (b) the TaskManager is SIGKILLed under load and a new
 * one started; (c) the job is stopped with a savepoint, events keep coming while it is down, and a
 * new JobManager resumes from the savepoint. After each: every acknowledged id archived and typed
 * or dead-lettered exactly once (docs/reliability.md, "The job on a Flink cluster").
 *
 * <p>{@code -Dflinkcluster.events} (default 500,000 distinct events over the three parts) and
 * {@code -Dflinkcluster.rate} (events/s of the load, default 4,000) size the run.
 */
@WithKafka
@WithClickHouse
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterEndToEndIT {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkClusterEndToEndIT.class);

    private static final int EVENTS = Integer.getInteger("flinkcluster.events", 500_000);
    private static final int RATE = Integer.getInteger("flinkcluster.rate", 4_000);
    private static final int BATCH = 500;
    private static final String KEY = "flink-cluster-it-key";
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration DRAIN = Duration.ofSeconds(240);
    private static final Path TARGET = Path.of("target");

    private StandaloneFlinkCluster cluster;
    private ClusterRest rest;
    private Vertx vertx;
    private EventLoad load;
    private Accounting accounting;
    private Path flinkData;
    private StandaloneFlinkCluster.ClusterJvm jobManager;
    private StandaloneFlinkCluster.ClusterJvm taskManager;
    private JobRest job;

    /** Names the cluster's log files when a part fails: they are kept under target/. */
    @RegisterExtension
    final TestWatcher logs =
            new TestWatcher() {
                @Override
                public void testFailed(ExtensionContext context, Throwable cause) {
                    if (cluster != null) {
                        LOG.error(
                                "{} failed; the cluster's logs (one file per JVM): {}",
                                context.getDisplayName(),
                                cluster.logDir().toAbsolutePath());
                    }
                }
            };

    @BeforeAll
    void startPipeline(EmbeddedKafkaBroker kafka, ClickHouseTestServer clickhouse)
            throws Exception {
        // deploy/kafka/create-topics.sh's topics and partitions (TOPIC_PARTITIONS=3)
        kafka.createTopic("streaming-events", 3, Map.of());
        kafka.createTopic("streaming-events-dlq", 3, Map.of());
        kafka.createTopic("live-metrics", 1, Map.of());
        Path home = TARGET.resolve("flink-cluster-it").resolve("run-" + System.currentTimeMillis());
        flinkData = home.resolve("flink-data").toAbsolutePath();
        Files.createDirectories(flinkData);
        cluster =
                StandaloneFlinkCluster.create(
                        home.toAbsolutePath(),
                        TARGET.resolve("flink-lib.classpath"),
                        TARGET.resolve("usrlib").resolve("flink-processor-job.jar"),
                        processorEnv(kafka, clickhouse));
        rest = new ClusterRest(cluster.restUrl());

        Map<String, String> gatewayEnv = new HashMap<>();
        gatewayEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        gatewayEnv.put("GATEWAY_PORT", "0");
        gatewayEnv.put("INGEST_API_KEYS", "flink-cluster-it:" + KEY);
        vertx = Vertx.vertx();
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.fromEnv(gatewayEnv));
        vertx.deployVerticle(gateway).await();
        load = new EventLoad(gateway.actualPort(), KEY, BATCH);
        accounting = new Accounting(clickhouse, load);
    }

    /**
     * compose's {@code x-processor-env}, pointed at this test's Kafka and ClickHouse: the same
     * variables, the job's defaults for everything compose leaves out (checkpoints every 10 s).
     */
    private Map<String, String> processorEnv(
            EmbeddedKafkaBroker kafka, ClickHouseTestServer clickhouse) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("EVENTS_TOPIC", "streaming-events");
        env.put("DLQ_TOPIC", "streaming-events-dlq");
        env.put("LIVE_METRICS_TOPIC", "live-metrics");
        env.put("CLICKHOUSE_URL", clickhouse.process().httpUrl());
        env.put("CLICKHOUSE_WRITER_USER", ClickHouseServerSettings.WRITER_USER);
        env.put("CLICKHOUSE_WRITER_PASSWORD", clickhouse.process().writer().password());
        env.put("PROCESSOR_CHECKPOINT_DIR", flinkData.resolve("checkpoints").toUri().toString());
        env.put("PROCESSOR_SAVEPOINT_DIR", flinkData.resolve("savepoints").toUri().toString());
        env.put("PROCESSOR_PARALLELISM", "1");
        return env;
    }

    @AfterAll
    void stopPipeline() throws Exception {
        if (load != null) {
            load.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void theJobJarRunsInApplicationModeAndEveryAcceptedEventIsCounted() throws Exception {
        long t0 = System.nanoTime();
        jobManager = cluster.startJobManager();
        taskManager = cluster.startTaskManager();
        String jobId = awaitRunningWithACheckpoint();
        LOG.info("(a) cluster up, job {} running with a checkpoint after {} s", jobId, secs(t0));

        postAndDrain("(a)", load.start(EVENTS / 10, RATE), t0);
    }

    @Test
    @Order(2)
    void aTaskManagerKilledUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        long t0 = System.nanoTime();
        long restartsBefore = job.restarts();
        int target = load.acknowledged().size() + EVENTS * 45 / 100;
        EventLoad.Run run = load.start(EVENTS * 45 / 100, RATE);
        int atKill = awaitAcknowledged(target - EVENTS * 45 / 200);
        long killed = System.nanoTime();
        taskManager.kill();
        LOG.info("(b) TaskManager {} SIGKILLed at {} acknowledged", taskManager.name(), atKill);
        taskManager = cluster.startTaskManager();
        await().atMost(START)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> job.restarts() > restartsBefore && "RUNNING".equals(job.state()));
        long tRestarted = System.nanoTime();
        await().atMost(START)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !"none".equals(job.latestRestore()));
        LOG.info(
                "(b) job restarted ({} restarts, restored from {}) {} s after the kill",
                job.restarts(),
                job.latestRestore(),
                TimeUnit.NANOSECONDS.toSeconds(tRestarted - killed));
        assertTrue(job.latestRestore().startsWith("checkpoint"), job.latestRestore());

        postAndDrain("(b)", run, t0);
    }

    @Test
    @Order(3)
    void aStopWithSavepointAndAResumeLoseNothingAndDoubleNothing() throws Exception {
        long t0 = System.nanoTime();
        // The rest of the total, in three quarters: under load before and during the stop,
        // while the job is down, after the resume.
        int events = Math.max(EVENTS - load.acknowledged().size(), 4 * BATCH);
        int start = load.acknowledged().size();
        EventLoad.Run before = load.start(events / 2, RATE);
        awaitAcknowledged(start + events / 4);
        long stop = System.nanoTime();
        String trigger = job.stopWithSavepoint(flinkData.resolve("savepoints").toUri().toString());
        JsonNode done =
                await().atMost(START)
                        .pollInterval(Duration.ofMillis(200))
                        .until(
                                () -> job.savepointStatus(trigger),
                                s -> "COMPLETED".equals(s.at("/status/id").asText()));
        String savepoint = done.at("/operation/location").asText();
        assertTrue(!savepoint.isEmpty(), "no savepoint: " + done);
        // Application mode: the JobManager shuts down once its job has stopped, exit code 0
        // (compose leaves it down: restart: on-failure).
        assertTrue(jobManager.process().waitFor(60, TimeUnit.SECONDS), "JobManager still up");
        assertEquals(0, jobManager.process().exitValue(), "JobManager exit code");
        LOG.info(
                "(c) stopped with savepoint {} at {} acknowledged; the stop took {} s",
                savepoint,
                load.acknowledged().size(),
                secs(stop));
        assertTrue(before.await(Duration.ofMinutes(5)), "(c) load before the stop");
        // The gateway keeps accepting into Kafka while no job runs.
        EventLoad.Run down = load.start(events / 4, RATE);
        assertTrue(down.await(Duration.ofMinutes(5)), "(c) load while the job is down");
        assertFalse(jobManager.process().isAlive(), "no JobManager while down");
        int atResume = load.acknowledged().size();
        jobManager = cluster.startJobManager("--fromSavepoint", savepoint);
        EventLoad.Run after = load.start(events - events / 2 - events / 4, RATE);
        String jobId = awaitRunningWithACheckpoint();
        LOG.info(
                "(c) job {} resumed from {} (JobManager started at {} acknowledged), {} s after"
                        + " the stop began",
                jobId,
                job.latestRestore(),
                atResume,
                secs(stop));
        assertTrue(job.latestRestore().startsWith("savepoint"), job.latestRestore());

        postAndDrain("(c)", after, t0);
        assertTrue(
                load.acknowledged().size() >= EVENTS,
                "acknowledged " + load.acknowledged().size() + " < " + EVENTS);
    }

    /** The one job RUNNING with a completed checkpoint (its tasks are deployed and running). */
    private String awaitRunningWithACheckpoint() {
        String jobId =
                await().atMost(START)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> rest.jobIn("RUNNING").orElse(null), id -> id != null);
        job = new JobRest(cluster.restUrl(), jobId);
        await().atMost(START)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> job.completedCheckpointsOrZero() > 0);
        return jobId;
    }

    private int awaitAcknowledged(int n) {
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> load.acknowledged().size() >= n);
        return load.acknowledged().size();
    }

    /** Lets the run finish, waits until ClickHouse has every acknowledged id, counts by id. */
    private void postAndDrain(String part, EventLoad.Run run, long t0) throws Exception {
        assertTrue(run.await(Duration.ofMinutes(5)), part + " load did not finish");
        long loaded = System.nanoTime();
        int acked = load.acknowledged().size();
        await().atMost(DRAIN)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () ->
                                accounting.rawIds() >= acked
                                        && accounting.typedOrDeadLetteredIds()
                                                == accounting.rawIds());
        long drained = System.nanoTime();
        Accounting.Snapshot counts = accounting.exact();
        LOG.info(
                "{} sent {}, {} requests failed; {}; load+drain {} s (drain {} s); restarts {};"
                        + " checkpoints {} completed, {} failed; accounting:\n{}",
                part,
                load.sent(),
                load.failedRequests(),
                counts,
                secs(t0),
                TimeUnit.NANOSECONDS.toSeconds(drained - loaded),
                job.restarts(),
                job.completedCheckpoints(),
                job.failedCheckpoints(),
                counts.accountingTable());
        assertEquals(List.of(), counts.problems(), counts.toString());
        assertEquals(0, load.failedRequests(), "requests not answered 202 in full");
    }

    private static long secs(long t0) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    }
}
