package org.livepeer.analytics.clickhouse.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free ports on 127.0.0.1 for a server that must be told its ports up front. Racy by nature;
 * {@link ClickHouseServerProcess#start} retries with new ports when the server exits at startup.
 */
public final class FreePorts {
    private FreePorts() {}

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    static int pickOtherThan(int taken) {
        int port = pick();
        while (port == taken) {
            port = pick();
        }
        return port;
    }
}
