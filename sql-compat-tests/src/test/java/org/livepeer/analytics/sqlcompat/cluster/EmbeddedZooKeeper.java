package org.livepeer.analytics.sqlcompat.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A standalone ZooKeeper server in this JVM on a free port of 127.0.0.1: the coordination service
 * ClickHouse 18.16 needs for {@code ON CLUSTER} statements (newer releases also take their own
 * ClickHouse Keeper, which speaks the same protocol).
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final int TICK_MS = 500;
    private static final int MAX_CLIENTS = 64;

    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

    private EmbeddedZooKeeper(ZooKeeperServer server, ServerCnxnFactory connections) {
        this.server = server;
        this.connections = connections;
    }

    /** Starts a server keeping its snapshots and log under {@code dataDir}. */
    public static EmbeddedZooKeeper start(Path dataDir) throws IOException, InterruptedException {
        ZooKeeperServer server = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_MS);
        ServerCnxnFactory connections =
                ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), MAX_CLIENTS);
        connections.startup(server);
        return new EmbeddedZooKeeper(server, connections);
    }

    public int port() {
        return connections.getLocalPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
    }
}
