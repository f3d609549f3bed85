package org.livepeer.analytics.gateway.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.GatewayClient;
import org.livepeer.analytics.gateway.RunningGateway;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway on a three-node KRaft cluster (replication 3, {@code min.insync.replicas=2}) loses
 * one node under load: every event it answered 202 for is in the topic afterwards, read back from
 * the two nodes left (docs/reliability.md, "Kafka with replicas").
 */
class KafkaReplicasIT {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReplicasIT.class);
    private static final String TOPIC = "replicated-events";
    private static final int BATCH = 100;
    private static final int SENDERS = 2;

    /** Events acknowledged before the kill, and again after it. */
    private static final int ACKED_PER_PHASE = 10_000;

    private static String template() {
        // The smallest sample with a stream id: the key, so the streams spread over partitions.
        return SampleFiles.all().stream()
                .filter(e -> json(e).path("data").path("stream_id").isTextual())
                .min(Comparator.comparingInt(String::length))
                .orElseThrow();
    }

    /** Sends batches of {@link #BATCH} events with fresh ids until told to stop. */
    private static final class Sender implements Runnable {
        private final GatewayClient client;
        private final ObjectNode template;
        private final String prefix;
        private final Set<String> acknowledged;
        private final AtomicInteger sent;
        private final AtomicInteger refused;
        private final AtomicBoolean stop;

        Sender(
                GatewayClient client,
                String template,
                String prefix,
                Set<String> acknowledged,
                AtomicInteger sent,
                AtomicInteger refused,
                AtomicBoolean stop) {
            this.client = client;
            this.template = (ObjectNode) json(template);
            this.prefix = prefix;
            this.acknowledged = acknowledged;
            this.sent = sent;
            this.refused = refused;
            this.stop = stop;
        }

        @Override
        public void run() {
            int n = 0;
            while (!stop.get()) {
                List<String> ids = new ArrayList<>(BATCH);
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < BATCH; i++, n++) {
                    String id = prefix + "-" + n;
                    ObjectNode event = template.deepCopy();
                    event.put("id", id);
                    ((ObjectNode) event.get("data")).put("stream_id", prefix + "-s" + (n % 64));
                    ids.add(id);
                    body.append(i == 0 ? "" : ",").append(event);
                }
                body.append(']');
                sent.addAndGet(BATCH);
                if (!accepted(body.toString(), ids)) {
                    refused.addAndGet(BATCH);
                    // 503 while Kafka recovers: wait for /ready instead of spinning on refusals.
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> stop.get() || ready());
                }
            }
        }

        private boolean accepted(String body, List<String> ids) {
            HttpResponse<String> response;
            try {
                response = client.post("application/json", RunningGateway.FRA_KEY, body);
            } catch (UncheckedIOException e) {
                return false;
            }
            if (response.statusCode() != 202) {
                return false;
            }
            JsonNode result = json(response);
            assertEquals(BATCH, result.get("accepted").asInt(), response.body());
            acknowledged.addAll(ids);
            return true;
        }

        private boolean ready() {
            try {
                return client.get("/ready").statusCode() == 200;
            } catch (UncheckedIOException e) {
                return false;
            }
        }
    }

    private static List<TopicPartitionInfo> partitions(String bootstrap) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(TOPIC)
                    .partitions();
        }
    }

    /** The node that leads partition 0, once every partition has its three replicas in sync. */
    private static int leaderOfPartitionZero(String bootstrap) throws Exception {
        List<TopicPartitionInfo> partitions = partitions(bootstrap);
        partitions.forEach(
                p -> assertEquals(3, p.isr().size(), "partition " + p.partition() + " in sync"));
        return partitions.get(0).leader().id();
    }

    /** After the kill: every partition led by a live node, with the two live nodes in sync. */
    private static void assertVictimOutOfEveryIsr(String bootstrap, int victim) throws Exception {
        for (TopicPartitionInfo p : partitions(bootstrap)) {
            List<Integer> isr = p.isr().stream().map(n -> n.id()).toList();
            assertEquals(2, isr.size(), "partition " + p.partition() + " ISR " + isr);
            assertTrue(!isr.contains(victim), "partition " + p.partition() + " ISR " + isr);
        }
    }

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    /**
     * Load from {@link #SENDERS} threads through the gateway until {@link #ACKED_PER_PHASE} events
     * are acknowledged, then kills node {@code victim}, and goes on until as many more are.
     */
    private void loadThroughAKill(EmbeddedKafkaCluster cluster, int victim) throws Exception {
        try (RunningGateway gateway =
                RunningGateway.start(
                        RunningGateway.config(
                                Map.of(
                                        "KAFKA_BOOTSTRAP_SERVERS",
                                        cluster.bootstrapServers(),
                                        "EVENTS_TOPIC",
                                        TOPIC)),
                        PublisherFactory.kafka())) {
            GatewayClient probe = gateway.client();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.get("/ready").statusCode() == 200);
            String template = template();
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                senders.add(
                        pool.submit(
                                new Sender(
                                        gateway.client(),
                                        template,
                                        "rep-t" + t,
                                        acknowledged,
                                        sent,
                                        refused,
                                        stop)));
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
    }

    @Test
    void everyAcknowledgedEventSurvivesLosingABroker(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        try (EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.start(dir, 3, Map.of("min.insync.replicas", "2"))) {
            cluster.createTopic(TOPIC, 3, (short) 3, Map.of("min.insync.replicas", "2"));
            int victim = leaderOfPartitionZero(cluster.bootstrapServers());
            loadThroughAKill(cluster, victim);
            assertVictimOutOfEveryIsr(cluster.bootstrapServers(), victim);

            List<ConsumerRecord<String, byte[]>> records =
                    TopicReader.readAll(cluster.bootstrapServers(), TOPIC);
            Set<String> inKafka = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                inKafka.add(json(new String(r.value(), StandardCharsets.UTF_8)).get("id").asText());
            }
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(inKafka);
            Set<String> unacknowledged = new HashSet<>(inKafka);
            unacknowledged.removeAll(acknowledged);
            LOG.info(
                    "sent {}, acknowledged {}, refused {}; in Kafka: {} records, {} distinct ids,"
                            + " {} of them never acknowledged; missing {}; {} s",
                    sent.get(),
                    acknowledged.size(),
                    refused.get(),
                    records.size(),
                    inKafka.size(),
                    unacknowledged.size(),
                    missing.size(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));

            assertTrue(sent.get() >= 2 * ACKED_PER_PHASE, "sent " + sent.get());
            assertTrue(
                    acknowledged.size() >= 2 * ACKED_PER_PHASE,
                    "acknowledged " + acknowledged.size());
            assertEquals(Set.of(), missing, "acknowledged ids missing from Kafka");
        }
    }
}
