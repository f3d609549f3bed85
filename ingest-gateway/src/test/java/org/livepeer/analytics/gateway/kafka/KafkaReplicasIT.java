package org.livepeer.analytics.gateway.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.GatewayClient;
import org.livepeer.analytics.gateway.RunningGateway;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaCluster;
import org.livepeer.analytics.testkit.load.FaultLoad;
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
    private static final int ACKED_PER_PHASE = FaultLoad.ackedPerPhase();

    private final FaultLoad load =
            new FaultLoad(FaultLoad.smallestWithStreamId(SampleFiles.all()), "rep-");

    /** The load's view of one gateway client: its POST and its /ready probe. */
    private static FaultLoad.Gateway sender(GatewayClient client) {
        return new FaultLoad.Gateway() {
            @Override
            public FaultLoad.Answer post(String jsonArray) {
                HttpResponse<String> r =
                        client.post("application/json", RunningGateway.FRA_KEY, jsonArray);
                int accepted = r.statusCode() == 202 ? json(r).path("accepted").asInt() : 0;
                return new FaultLoad.Answer(r.statusCode(), accepted);
            }

            @Override
            public boolean ready() {
                try {
                    return client.get("/ready").statusCode() == 200;
                } catch (UncheckedIOException e) {
                    return false;
                }
            }
        };
    }

    /** The node that leads partition 0, once every partition has its three replicas in sync. */
    private static int leaderOfPartitionZero(EmbeddedKafkaCluster cluster) {
        List<TopicPartitionInfo> partitions = cluster.partitions(TOPIC);
        partitions.forEach(
                p -> assertEquals(3, p.isr().size(), "partition " + p.partition() + " in sync"));
        return partitions.get(0).leader().id();
    }

    /** After the kill: every partition led by a live node, with the two live nodes in sync. */
    private static void assertVictimOutOfEveryIsr(EmbeddedKafkaCluster cluster, int victim) {
        for (TopicPartitionInfo p : cluster.partitions(TOPIC)) {
            List<Integer> isr = p.isr().stream().map(n -> n.id()).toList();
            assertEquals(2, isr.size(), "partition " + p.partition() + " ISR " + isr);
            assertTrue(!isr.contains(victim), "partition " + p.partition() + " ISR " + isr);
        }
    }

    /**
     * {@link FaultLoad} through the gateway until {@link #ACKED_PER_PHASE} events are acknowledged,
     * then kills node {@code victim}, and goes on until as many more are.
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
            int atKill =
                    load.throughFault(
                            ACKED_PER_PHASE,
                            () -> sender(gateway.client()),
                            () -> cluster.kill(victim - 1));
            LOG.info("Killed node {} after {} acknowledged events", victim, atKill);
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesLosingABroker(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        try (EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.start(dir, 3, Map.of("min.insync.replicas", "2"))) {
            cluster.createTopic(TOPIC, 3, (short) 3, Map.of("min.insync.replicas", "2"));
            int victim = leaderOfPartitionZero(cluster);
            loadThroughAKill(cluster, victim);
            assertVictimOutOfEveryIsr(cluster, victim);
            long loaded = System.nanoTime();
            List<ConsumerRecord<String, byte[]>> records =
                    TopicReader.readAll(cluster.bootstrapServers(), TOPIC);
            LOG.info(
                    "load {} s, topic read in {} s",
                    TimeUnit.NANOSECONDS.toSeconds(loaded - start),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loaded));
            Set<String> inKafka = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                inKafka.add(json(new String(r.value(), StandardCharsets.UTF_8)).get("id").asText());
            }
            Set<String> acknowledged = load.acknowledged();
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(inKafka);
            Set<String> unacknowledged = new HashSet<>(inKafka);
            unacknowledged.removeAll(acknowledged);
            LOG.info(
                    "sent {}, acknowledged {}, refused {}; in Kafka: {} records, {} distinct ids,"
                            + " {} of them never acknowledged; missing {}; doubled {}; {} s",
                    load.sent(),
                    acknowledged.size(),
                    load.refused(),
                    records.size(),
                    inKafka.size(),
                    unacknowledged.size(),
                    missing.size(),
                    records.size() - inKafka.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 1000.0);

            assertTrue(load.sent() >= 2 * ACKED_PER_PHASE, "sent " + load.sent());
            assertTrue(
                    acknowledged.size() >= 2 * ACKED_PER_PHASE,
                    "acknowledged " + acknowledged.size());
            assertEquals(Set.of(), missing, "acknowledged ids missing from Kafka");
        }
    }
}
