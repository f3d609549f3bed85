package org.livepeer.analytics.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller roles) running inside this JVM, bound to
 * 127.0.0.1. Used by the embedded default ({@code ./analytics up}) and by integration tests.
 *
 * <p>The storage directory is formatted only on first use, so a broker started again on the same
 * directory keeps its topics and records; started again on the same {@link #port()} too, its
 * clients reconnect to it as to a restarted broker.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = KraftNode.HOST;
    private static final int NODE_ID = 1;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a broker whose client listener is {@code 127.0.0.1:port}.
     *
     * @param dataDir log and metadata directory; formatted only if it holds no broker yet
     * @param port client port, or 0 to pick a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * Like {@link #start(Path, int)}, with broker properties that override the defaults (for
     * example {@code auto.create.topics.enable} or retention settings).
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
        Path dir = dataDir.toAbsolutePath();
        int brokerPort = port == 0 ? FreePort.pick() : port;
        int controllerPort = FreePort.pick();
        try {
            Files.createDirectories(dir);
            KraftNode.formatIfNeeded(dir, NODE_ID, Uuid.randomUuid().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data directory " + dir, e);
        }
        Properties props =
                KraftNode.properties(
                        NODE_ID,
                        dir,
                        brokerPort,
                        controllerPort,
                        KraftNode.voter(NODE_ID, controllerPort),
                        1);
        overrides.forEach(props::setProperty);
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        long startedAt = System.nanoTime();
        server.startup();
        String bootstrap = HOST + ":" + brokerPort;
        LOG.info(
                "Kafka broker started on {} (data {}) in {} ms",
                bootstrap,
                dir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return new EmbeddedKafkaBroker(server, dir, brokerPort);
    }

    /** {@code host:port} for the {@code bootstrap.servers} client setting. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The client listener's port (the one picked when started with 0). */
    public int port() {
        return port;
    }

    /** The broker's storage directory. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates a topic with replication factor 1. An existing topic of that name is left as it is
     * (its partitions and configs are not changed).
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(new HashMap<>(configs));
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created topic {} ({} partitions, {})", name, partitions, configs);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + name, e);
        }
    }

    /** Names of the topics that exist now, internal ones excluded. */
    public Set<String> topics() {
        try (Admin admin = Admin.create(adminConfig())) {
            return admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted listing topics", e);
        }
    }

    /** Stops the broker and waits until it has shut down. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker on {} stopped", bootstrapServers());
    }

    private Map<String, Object> adminConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "embedded-kafka-admin");
    }
}
