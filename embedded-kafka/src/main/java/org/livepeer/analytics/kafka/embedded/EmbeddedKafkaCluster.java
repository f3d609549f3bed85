package org.livepeer.analytics.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of several nodes inside this JVM, for tests of replication: every node has the
 * broker and the controller role and is a voter of the controller quorum, on free ports of
 * 127.0.0.1, with its storage in {@code <dataDir>/node-<id>}. Internal topics are replicated to
 * every node (min ISR 2).
 *
 * <p>Every node runs with {@code controlled.shutdown.enable=false}: {@link #kill(int)} stops a node
 * without asking the controller to move its partition leaders first, so the rest of the cluster
 * learns it is gone only when its broker session times out, as after a crash. (A KafkaRaftServer in
 * this JVM cannot be stopped harder than that: its sockets are closed and its logs flushed.)
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    private static final long START_TIMEOUT_SECONDS = 120;

    private final List<KafkaRaftServer> servers;
    private final List<Integer> ports;
    private final boolean[] stopped;

    private EmbeddedKafkaCluster(List<KafkaRaftServer> servers, List<Integer> ports) {
        this.servers = servers;
        this.ports = ports;
        this.stopped = new boolean[servers.size()];
    }

    /**
     * Formats and starts {@code nodes} nodes (ids 1..nodes) and waits until all of them are up.
     *
     * @param dataDir parent of the nodes' storage directories, which must not hold a cluster yet
     * @param overrides broker properties that override the defaults, for every node
     */
    public static EmbeddedKafkaCluster start(
            Path dataDir, int nodes, Map<String, String> overrides) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1: " + nodes);
        }
        List<Integer> brokerPorts = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            brokerPorts.add(FreePort.pick());
            controllerPorts.add(FreePort.pick());
        }
        String voters =
                IntStream.range(0, nodes)
                        .mapToObj(i -> KraftNode.voter(i + 1, controllerPorts.get(i)))
                        .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaRaftServer> servers = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            int nodeId = i + 1;
            Path dir = dataDir.toAbsolutePath().resolve("node-" + nodeId);
            try {
                Files.createDirectories(dir);
                KraftNode.formatIfNeeded(dir, nodeId, clusterId);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare Kafka data directory " + dir, e);
            }
            Properties props =
                    KraftNode.properties(
                            nodeId, dir, brokerPorts.get(i), controllerPorts.get(i), voters, nodes);
            props.setProperty("controlled.shutdown.enable", "false");
            overrides.forEach(props::setProperty);
            servers.add(new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM));
        }
        long startedAt = System.nanoTime();
        // A broker's startup waits for a quorum leader, which needs a majority of the controllers:
        // the nodes start together.
        CompletableFuture<?>[] startups =
                servers.stream()
                        .map(s -> CompletableFuture.runAsync(s::startup))
                        .toArray(CompletableFuture[]::new);
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(servers, brokerPorts);
        try {
            CompletableFuture.allOf(startups).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            cluster.close();
            throw new IllegalStateException("The Kafka cluster did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cluster.close();
            throw new IllegalStateException("Interrupted starting the Kafka cluster", e);
        }
        LOG.info(
                "Kafka cluster of {} nodes started on {} in {} ms",
                nodes,
                cluster.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return cluster;
    }

    /** Every node's {@code host:port}, comma-separated, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return ports.stream().map(p -> KraftNode.HOST + ":" + p).collect(Collectors.joining(","));
    }

    /** How many nodes the cluster was started with, killed ones included. */
    public int size() {
        return servers.size();
    }

    /**
     * Creates a topic. Fails if it exists already.
     *
     * @param configs topic configs, for example {@code min.insync.replicas}
     */
    public void createTopic(
            String name, int partitions, short replication, Map<String, String> configs) {
        NewTopic topic =
                new NewTopic(name, partitions, replication).configs(new HashMap<>(configs));
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info(
                    "Created topic {} ({} partitions, replication {}, {})",
                    name,
                    partitions,
                    replication,
                    configs);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + name, e);
        }
    }

    /** {@code topic}'s partitions as the cluster describes them now: leader, replicas, ISR. */
    public List<TopicPartitionInfo> partitions(String topic) {
        try (Admin admin = Admin.create(adminConfig())) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted describing topic " + topic, e);
        }
    }

    /**
     * Stops node {@code index} (0-based) without a controlled shutdown and waits until it is down.
     * Its storage stays; it is not started again.
     */
    public synchronized void kill(int index) {
        if (stopped[index]) {
            return;
        }
        stopped[index] = true;
        KafkaRaftServer server = servers.get(index);
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka node {} on port {} killed", index + 1, ports.get(index));
    }

    /** Stops every node still running. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        for (int i = 0; i < servers.size(); i++) {
            kill(i);
        }
    }

    private Map<String, Object> adminConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "embedded-kafka-cluster-admin");
    }
}
