package org.livepeer.analytics.sqlcompat.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.livepeer.analytics.clickhouse.http.ClickHouseCredentials;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.clickhouse.server.FreePorts;

/**
 * Two {@code clickhouse-server} processes as the two shards of one cluster, {@value #CLUSTER},
 * coordinated by an {@link EmbeddedZooKeeper}: the layout docs/operations.md, "ClickHouse shards",
 * describes, on one machine. Both servers have the same users and passwords; each reaches the other
 * as the admin, as a cluster's {@code remote_servers} entry does.
 */
public final class TwoShards implements AutoCloseable {
    public static final String CLUSTER = "analytics";

    /**
     * What every profile of a cluster's servers needs (docs/operations.md, "ClickHouse shards"):
     * {@code distributed_product_mode = global}, since views and dashboards filter a Distributed
     * table with {@code IN} or {@code JOIN} on another, whose rows lie on other shards. On 18.16
     * also the LowCardinality switch in the default profile, with which it runs ON CLUSTER
     * statements whatever settings they were sent with (newer releases reject the name).
     */
    private static final String PROFILES =
            "<?xml version=\"1.0\"?>\n<yandex><profiles>"
                    + "<default><distributed_product_mode>global</distributed_product_mode>"
                    + "<allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type>"
                    + "</default>"
                    + "<writer><distributed_product_mode>global</distributed_product_mode></writer>"
                    + "<reader><distributed_product_mode>global</distributed_product_mode></reader>"
                    + "</profiles></yandex>\n";

    private final EmbeddedZooKeeper zooKeeper;
    private final List<ClickHouseServerProcess> shards;

    private TwoShards(EmbeddedZooKeeper zooKeeper, List<ClickHouseServerProcess> shards) {
        this.zooKeeper = zooKeeper;
        this.shards = List.copyOf(shards);
    }

    /** Starts ZooKeeper and both servers under {@code dir}. */
    public static TwoShards start(Path dir) throws IOException, InterruptedException {
        EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zookeeper"));
        List<ClickHouseServerProcess> started = new ArrayList<>();
        try {
            List<ClickHouseServerSettings> settings = settings(dir);
            String cluster = clusterXml(settings, zooKeeper.port());
            for (ClickHouseServerSettings s : settings) {
                write(ClickHouseServerProcess.configDropInDir(s.dataDir()), cluster);
                write(ClickHouseServerProcess.usersDropInDir(s.dataDir()), PROFILES);
                started.add(ClickHouseServerProcess.start(s));
            }
            return new TwoShards(zooKeeper, started);
        } catch (RuntimeException | IOException e) {
            started.forEach(ClickHouseServerProcess::close);
            zooKeeper.close();
            throw e;
        }
    }

    public List<ClickHouseServerProcess> shards() {
        return shards;
    }

    public ClickHouseServerProcess shard(int index) {
        return shards.get(index);
    }

    public Path logDir(int index) {
        return shards.get(index).settings().dataDir().resolve("log");
    }

    @Override
    public void close() {
        shards.forEach(ClickHouseServerProcess::close);
        zooKeeper.close();
    }

    private static void write(Path dropInDir, String xml) throws IOException {
        Files.createDirectories(dropInDir);
        Files.writeString(dropInDir.resolve("livepeer-cluster.xml"), xml, StandardCharsets.UTF_8);
    }

    /** Fixed ports: each server's remote_servers must name the other's before either starts. */
    private static List<ClickHouseServerSettings> settings(Path dir) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < 4) {
            ports.add(FreePorts.pick());
        }
        Iterator<Integer> port = ports.iterator();
        ClickHouseServerSettings first =
                ClickHouseServerSettings.forDataDir(dir.resolve("shard-1"))
                        .withPorts(port.next(), port.next());
        ClickHouseServerSettings second =
                ClickHouseServerSettings.forDataDir(dir.resolve("shard-2"))
                        .withPasswords(
                                first.adminPassword(),
                                first.writerPassword(),
                                first.readerPassword())
                        .withPorts(port.next(), port.next());
        return List.of(first, second);
    }

    private static String clusterXml(List<ClickHouseServerSettings> shards, int zooKeeperPort) {
        StringBuilder xml =
                new StringBuilder(
                        "<?xml version=\"1.0\"?>\n<yandex>\n  <remote_servers>\n    <"
                                + CLUSTER
                                + ">\n");
        for (ClickHouseServerSettings s : shards) {
            ClickHouseCredentials admin = s.admin();
            xml.append("      <shard><replica><host>127.0.0.1</host><port>")
                    .append(s.tcpPort())
                    .append("</port><user>")
                    .append(admin.user())
                    .append("</user><password>")
                    .append(admin.password())
                    .append("</password></replica></shard>\n");
        }
        return xml.append("    </")
                .append(CLUSTER)
                .append(">\n  </remote_servers>\n")
                .append("  <zookeeper><node><host>127.0.0.1</host><port>")
                .append(zooKeeperPort)
                .append("</port></node></zookeeper>\n")
                .append(
                        "  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>\n")
                .append("</yandex>\n")
                .toString();
    }
}
