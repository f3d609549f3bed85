package org.livepeer.analytics.clickhouse.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Main class of a separate JVM that starts a server, reports "pid port" in a file and then waits
 * forever, so a test can SIGKILL this JVM and check that the server goes with it.
 */
public final class ServerOwner {
    private ServerOwner() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path report = Path.of(args[1]);
        ClickHouseServerProcess server =
                ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(dataDir));
        Path partial = report.resolveSibling(report.getFileName() + ".tmp");
        Files.writeString(partial, server.pid() + " " + server.httpPort());
        Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
