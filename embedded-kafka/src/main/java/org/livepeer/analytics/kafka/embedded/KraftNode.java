package org.livepeer.analytics.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration and storage formatting of one KRaft node with both the broker and the
 * controller role on 127.0.0.1, shared by {@link EmbeddedKafkaBroker} (one node) and {@link
 * EmbeddedKafkaCluster} (several, one voter each).
 */
final class KraftNode {
    static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);
    private static final String CONTROLLER = "CONTROLLER";

    private KraftNode() {}

    /** {@code id@127.0.0.1:port}, one entry of {@code controller.quorum.voters}. */
    static String voter(int nodeId, int controllerPort) {
        return nodeId + "@" + HOST + ":" + controllerPort;
    }

    /**
     * Formats {@code dir} for node {@code nodeId} of cluster {@code clusterId} unless it already
     * holds a node (then it is left as it is).
     */
    static void formatIfNeeded(Path dir, int nodeId, String clusterId) throws IOException {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        try (PrintStream out =
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(dir.toString())
                    .setDirectories(List.of(dir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Formatter.run() declares Exception; everything it throws is a formatting failure.
            throw new IOException("Cannot format Kafka storage in " + dir, e);
        }
        LOG.info("Formatted Kafka storage in {} (cluster id {}, node {})", dir, clusterId, nodeId);
    }

    /**
     * The node's properties: client listener {@code brokerPort}, controller listener {@code
     * controllerPort}, the static {@code voters} list, and {@code replication} for the internal
     * topics (their min ISR is {@code min(2, replication)}).
     */
    static Properties properties(
            int nodeId,
            Path dir,
            int brokerPort,
            int controllerPort,
            String voters,
            int replication) {
        String rf = String.valueOf(replication);
        String minIsr = String.valueOf(Math.min(2, replication));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(nodeId));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty(
                "listeners",
                "PLAINTEXT://"
                        + HOST
                        + ":"
                        + brokerPort
                        + ","
                        + CONTROLLER
                        + "://"
                        + HOST
                        + ":"
                        + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", CONTROLLER);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dir.toString());
        p.setProperty("offsets.topic.replication.factor", rf);
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", rf);
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("share.coordinator.state.topic.replication.factor", rf);
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "1");
        return p;
    }
}
