package org.livepeer.analytics.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.gateway.GatewayVerticle;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaCluster;
import org.livepeer.analytics.processor.ProcessorJob;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient READY = HttpClient.newHttpClient();
    private static final String TOPIC = "streaming-events";
    private static final String KEY = "replicas-test-key";
    private static final String PREFIX = "repl-e2e-";
    private static final int BATCH = 100;
    private static final int SENDERS = 2;
    private static final int ACKED_PER_PHASE = 10_000;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    private static ObjectNode template() throws IOException {
        String smallest =
                SampleEvents.byType().values().stream()
                        .flatMap(Collection::stream)
                        .filter(e -> e.contains("\"stream_id\""))
                        .min(Comparator.comparingInt(String::length))
                        .orElseThrow();
        return (ObjectNode) JSON.readTree(smallest);
    }

    /** Posts batches of fresh ids until {@link #stop}; keeps the ids of every full 202. */
    private void send(IngestClient client, int port, ObjectNode template, String prefix)
            throws Exception {
        for (int n = 0; !stop.get(); ) {
            List<String> ids = new ArrayList<>(BATCH);
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++, n++) {
                ObjectNode event = template.deepCopy();
                String id = prefix + n;
                event.put("id", id);
                ((ObjectNode) event.get("data")).put("stream_id", prefix + "s" + (n % 64));
                ids.add(id);
                body.append(i == 0 ? "" : ",").append(event);
            }
            body.append(']');
            sent.addAndGet(BATCH);
            IngestClient.Answer answer;
            try {
                answer = client.postJson(body.toString());
            } catch (IOException e) {
                continue;
            }
            if (answer.status() == 202 && answer.body().get("accepted").asInt() == BATCH) {
                acknowledged.addAll(ids);
            } else {
                // 503 while Kafka recovers: no retry; wait for /ready instead of spinning.
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> stop.get() || ready(port));
            }
        }
    }

    private static boolean ready(int port) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        try {
            return READY.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int leaderOfPartitionZero(String bootstrap) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(TOPIC)
                    .partitions()
                    .get(0)
                    .leader()
                    .id();
        }
    }

    private void loadThroughAKill(EmbeddedKafkaCluster cluster, int port) throws Exception {
        ObjectNode template = template();
        int victim = leaderOfPartitionZero(cluster.bootstrapServers());
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            IngestClient client = new IngestClient(port, KEY);
            String prefix = PREFIX + "t" + t + "-";
            senders.add(
                    pool.submit(
                            () -> {
                                send(client, port, template, prefix);
                                return null;
                            }));
        }
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> acknowledged.size() >= ACKED_PER_PHASE);
            int ackedAtKill = acknowledged.size();
            cluster.kill(victim - 1);
            LOG.info("Killed node {} after {} acknowledged events", victim, ackedAtKill);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> acknowledged.size() >= ackedAtKill + ACKED_PER_PHASE);
        } finally {
            stop.set(true);
            for (Future<?> s : senders) {
                s.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
    }

    private static Set<String> archivedIds(ClickHouseTestServer clickhouse) {
        return clickhouse.distinctIds("streaming_events", "startsWith(event_id, '" + PREFIX + "')");
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

                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> archivedIds(clickhouse).containsAll(acknowledged));
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
                vertx.close().await(30, TimeUnit.SECONDS);
            }
            Set<String> archived = archivedIds(clickhouse);
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(archived);
            LOG.info(
                    "sent {}, acknowledged {}; in streaming_events: {} distinct ids; missing {};"
                            + " {} s",
                    sent.get(),
                    acknowledged.size(),
                    archived.size(),
                    missing.size(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
            assertTrue(acknowledged.size() >= 2 * ACKED_PER_PHASE, "acked " + acknowledged.size());
            assertEquals(Set.of(), missing, "acknowledged ids missing from streaming_events");
        }
    }
}
