package org.livepeer.analytics.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.GatewayVerticle;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaCluster;
import org.livepeer.analytics.processor.ProcessorJob;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;
import org.livepeer.analytics.testkit.load.FaultLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway → three-node KRaft cluster (replication 3, {@code min.insync.replicas=2}) → processor
 * (MiniCluster) → ClickHouse, one node killed under load: every event answered 202 is in the raw
 * archive (docs/reliability.md, "Kafka with replicas").
 */
@WithClickHouse
class KafkaReplicasEndToEndIT {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReplicasEndToEndIT.class);
    private static final String TOPIC = "streaming-events";
    private static final String KEY = "replicas-test-key";
    private static final String PREFIX = "repl-e2e-";
    private static final String OURS = "startsWith(event_id, '" + PREFIX + "')";
    private static final int ACKED_PER_PHASE = FaultLoad.ackedPerPhase();

    private final FaultLoad load =
            new FaultLoad(FaultLoad.smallestWithStreamId(SampleFiles.all()), PREFIX);

    /** The load's view of one ingest client: its POST and its /ready probe. */
    private static FaultLoad.Gateway sender(IngestClient client) {
        return new FaultLoad.Gateway() {
            @Override
            public FaultLoad.Answer post(String jsonArray)
                    throws IOException, InterruptedException {
                IngestClient.Answer answer = client.postJson(jsonArray);
                return new FaultLoad.Answer(
                        answer.status(), answer.body().path("accepted").asInt());
            }

            @Override
            public boolean ready() throws InterruptedException {
                return client.ready();
            }
        };
    }

    private void loadThroughAKill(EmbeddedKafkaCluster cluster, int port) throws Exception {
        int victim = cluster.partitions(TOPIC).get(0).leader().id();
        int atKill =
                load.throughFault(
                        ACKED_PER_PHASE,
                        () -> sender(new IngestClient(port, KEY)),
                        () -> cluster.kill(victim - 1));
        LOG.info("Killed node {} after {} acknowledged events", victim, atKill);
    }

    private static Set<String> archivedIds(ClickHouseTestServer clickhouse) {
        return clickhouse.distinctIds("streaming_events", OURS);
    }

    @Test
    void everyAcknowledgedEventReachesClickHouseThoughABrokerDies(
            @TempDir Path dir, ClickHouseTestServer clickhouse) throws Exception {
        long start = System.nanoTime();
        try (EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.start(
                        dir.resolve("kafka"), 3, Map.of("min.insync.replicas", "2"))) {
            Map<String, String> replicated = Map.of("min.insync.replicas", "2");
            cluster.createTopic(TOPIC, 3, (short) 3, replicated);
            cluster.createTopic(TOPIC + "-dlq", 3, (short) 3, replicated);
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
            env.put("CLICKHOUSE_URL", clickhouse.process().httpUrl());
            env.put("CLICKHOUSE_WRITER_USER", ClickHouseServerSettings.WRITER_USER);
            env.put("CLICKHOUSE_WRITER_PASSWORD", clickhouse.process().writer().password());
            env.put("PROCESSOR_CHECKPOINT_INTERVAL_MS", "500");
            env.put("PROCESSOR_CHECKPOINT_DIR", dir.resolve("checkpoints").toUri().toString());
            env.put("SINK_BATCH_MAX_DELAY_MS", "200");
            env.put("GATEWAY_PORT", "0");
            env.put("INGEST_API_KEYS", "replicas:" + KEY);
            JobClient job =
                    ProcessorJob.start(
                            StreamExecutionEnvironment.getExecutionEnvironment(),
                            ProcessorConfig.fromEnv(env));
            Vertx vertx = Vertx.vertx();
            try {
                GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.fromEnv(env));
                vertx.deployVerticle(gateway).await();
                loadThroughAKill(cluster, gateway.actualPort());

                // 120 s, plus 1 ms per acknowledged event for runs larger than the default.
                await().atMost(Duration.ofSeconds(120).plusMillis(2L * ACKED_PER_PHASE))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> archivedIds(clickhouse).containsAll(load.acknowledged()));
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
                vertx.close().await(30, TimeUnit.SECONDS);
            }
            Set<String> acknowledged = load.acknowledged();
            Set<String> archived = archivedIds(clickhouse);
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(archived);
            long rowsFinal =
                    clickhouse.queryLong(
                            "SELECT count() FROM "
                                    + Migrator.DATABASE
                                    + ".streaming_events FINAL WHERE "
                                    + OURS);
            LOG.info(
                    "sent {}, acknowledged {}, refused {}; in streaming_events: {} distinct ids,"
                            + " {} rows, {} after FINAL; missing {}; doubled {}; {} s",
                    load.sent(),
                    acknowledged.size(),
                    load.refused(),
                    archived.size(),
                    clickhouse.count("streaming_events", OURS),
                    rowsFinal,
                    missing.size(),
                    rowsFinal - archived.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 1000.0);
            assertTrue(acknowledged.size() >= 2 * ACKED_PER_PHASE, "acked " + acknowledged.size());
            assertEquals(Set.of(), missing, "acknowledged ids missing from streaming_events");
        }
    }
}
