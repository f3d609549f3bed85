package org.livepeer.analytics.clickhouse.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server of an earlier run on the same data directory that is still running: its JVM was killed
 * and the watchdog has not stopped it yet (it polls once a second and allows the server a graceful
 * stop). Starting a second server on the same directory and ports would fail, so it is stopped
 * first. ClickHouse writes its pid to {@code <path>/status} while it runs; the process counts as
 * ours only if its command line names this layout's config file.
 */
final class LeftoverServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
    private static final Pattern PID = Pattern.compile("^PID: (\\d+)$", Pattern.MULTILINE);

    private LeftoverServer() {}

    /** Stops the layout's leftover server, if one runs; returns once it is gone. */
    static void stopIfRunning(ServerConfigFiles.Layout layout) {
        Optional<ProcessHandle> leftover = find(layout);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle server = leftover.get();
        LOG.warn(
                "clickhouse-server pid {} of an earlier run still uses {}; stopping it",
                server.pid(),
                layout.root());
        server.destroy();
        try {
            server.onExit().get(ClickHouseServerProcess.STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    static Optional<ProcessHandle> find(ServerConfigFiles.Layout layout) {
        Path status = layout.dataDir().resolve("status");
        try {
            if (!Files.isRegularFile(status)) {
                return Optional.empty();
            }
            Matcher m = PID.matcher(Files.readString(status, StandardCharsets.UTF_8));
            if (!m.find()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(m.group(1));
            Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
            if (!Files.isReadable(cmdline)) {
                return Optional.empty();
            }
            String args = Files.readString(cmdline, StandardCharsets.UTF_8);
            return args.contains(layout.configFile().toString())
                    ? ProcessHandle.of(pid)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // The file vanished as the server stopped, or is not ClickHouse's: nothing to stop.
            return Optional.empty();
        }
    }
}
