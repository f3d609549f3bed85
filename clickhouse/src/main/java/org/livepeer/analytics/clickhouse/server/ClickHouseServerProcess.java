package org.livepeer.analytics.clickhouse.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.clickhouse.http.ClickHouseCredentials;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttpOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code clickhouse-server} child process with a generated configuration, bound to 127.0.0.1.
 *
 * <p>The server never outlives this JVM: {@link #close()} stops it (SIGTERM, then SIGKILL after
 * {@value #STOP_GRACE_SECONDS} s), a shutdown hook does the same on normal JVM exit, and a small
 * {@code sh} watchdog started beside it terminates it when the JVM disappears without running hooks
 * (SIGKILL, crash).
 */
public final class ClickHouseServerProcess implements AutoCloseable {
    static final int STOP_GRACE_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseServerProcess.class);
    private static final int START_ATTEMPTS_WITH_FREE_PORTS = 3;
    private static final long PING_INTERVAL_MS = 50;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final ClickHouseServerSettings settings;
    private final ServerConfigFiles.Layout layout;
    private final Process server;
    private final Process watchdog;
    private final int httpPort;
    private final int tcpPort;
    private final Thread shutdownHook;
    private boolean stopped;

    private ClickHouseServerProcess(
            ClickHouseServerSettings settings,
            ServerConfigFiles.Layout layout,
            Process server,
            Process watchdog,
            int httpPort,
            int tcpPort) {
        this.settings = settings;
        this.layout = layout;
        this.server = server;
        this.watchdog = watchdog;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.shutdownHook = new Thread(this::stopQuietly, "clickhouse-server-stop");
    }

    /**
     * Starts the server and returns once {@code GET /ping} answers {@code Ok.}.
     *
     * @throws ClickHouseStartException if the binary is missing, the server exits, or it is not
     *     ready within the startup timeout; the message includes the tail of its logs
     */
    public static ClickHouseServerProcess start(ClickHouseServerSettings settings) {
        if (!Files.isExecutable(settings.binary())) {
            throw new ClickHouseStartException(
                    "clickhouse-server not found or not executable at "
                            + settings.binary()
                            + " (install it, e.g. apt-get install clickhouse-server, or set the binary)",
                    false);
        }
        boolean freePorts = settings.httpPort() == 0 && settings.tcpPort() == 0;
        int attempts = freePorts ? START_ATTEMPTS_WITH_FREE_PORTS : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(settings);
            } catch (ClickHouseStartException e) {
                // A port picked as free may be taken before the server binds it; pick again.
                if (attempt >= attempts || !e.exitedEarly()) {
                    throw e;
                }
                LOG.warn(
                        "clickhouse-server exited during startup, retrying on other ports: {}",
                        e.getMessage());
            }
        }
    }

    /**
     * The folder whose {@code *.xml} files the server of {@code dataDir} merges into its generated
     * {@code config.xml} at start (ClickHouse's {@code config.d}): how a caller adds what the
     * generated file lacks, e.g. a cluster's {@code remote_servers} and {@code zookeeper}. Write
     * the files before {@link #start}; the generated files never touch this folder.
     */
    public static Path configDropInDir(Path dataDir) {
        return new ServerConfigFiles.Layout(dataDir.toAbsolutePath()).configDropInDir();
    }

    /** Like {@link #configDropInDir}, for {@code users.xml} ({@code users.d}): profiles, users. */
    public static Path usersDropInDir(Path dataDir) {
        return new ServerConfigFiles.Layout(dataDir.toAbsolutePath()).usersDropInDir();
    }

    private static ClickHouseServerProcess startOnce(ClickHouseServerSettings settings) {
        ServerConfigFiles.Layout layout = new ServerConfigFiles.Layout(settings.dataDir());
        int http = settings.httpPort() == 0 ? FreePorts.pick() : settings.httpPort();
        int tcp = settings.tcpPort() == 0 ? FreePorts.pickOtherThan(http) : settings.tcpPort();
        Process server;
        Process watchdog;
        LeftoverServer.stopIfRunning(layout);
        try {
            ServerConfigFiles.write(layout, settings, http, tcp);
            server = launchServer(settings, layout);
            watchdog = ServerWatchdog.launch(server.pid());
        } catch (IOException e) {
            throw new ClickHouseStartException(
                    "Cannot start clickhouse-server in " + settings.dataDir() + ": " + e, false);
        }
        ClickHouseServerProcess process =
                new ClickHouseServerProcess(settings, layout, server, watchdog, http, tcp);
        Runtime.getRuntime().addShutdownHook(process.shutdownHook);
        process.awaitReady(settings.startupTimeout().toMillis());
        LOG.info(
                "clickhouse-server (pid {}) ready on {}; logs in {}",
                server.pid(),
                process.httpUrl(),
                layout.logDir());
        return process;
    }

    private static Process launchServer(ClickHouseServerSettings s, ServerConfigFiles.Layout layout)
            throws IOException {
        return new ProcessBuilder(
                        OwnSession.command(
                                List.of(
                                        s.binary().toString(),
                                        "--config-file=" + layout.configFile())))
                .directory(layout.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.stdoutLog().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(layout.stderrLog().toFile()))
                .start();
    }

    private void awaitReady(long timeoutMs) {
        // Short timeouts: a port that something else holds may accept and never answer.
        ClickHouseHttp probe =
                new ClickHouseHttp(
                        httpUri(),
                        settings.admin(),
                        ClickHouseHttpOptions.defaults()
                                .withConnectTimeout(PROBE_TIMEOUT)
                                .withRequestTimeout(PROBE_TIMEOUT));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            if (!server.isAlive()) {
                int exit = server.exitValue();
                stopQuietly();
                throw new ClickHouseStartException(
                        "clickhouse-server exited with code "
                                + exit
                                + " during startup. "
                                + ServerLogs.describe(layout),
                        true);
            }
            if (probe.ping()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                stopQuietly();
                throw new ClickHouseStartException(
                        "clickhouse-server did not answer /ping on "
                                + httpUrl()
                                + " within "
                                + timeoutMs
                                + " ms. "
                                + ServerLogs.describe(layout),
                        false);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PING_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseStartException("Interrupted waiting for clickhouse-server", false);
        }
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    public URI httpUri() {
        return URI.create(httpUrl());
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public long pid() {
        return server.pid();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    public ClickHouseServerSettings settings() {
        return settings;
    }

    public ClickHouseCredentials admin() {
        return settings.admin();
    }

    public ClickHouseCredentials writer() {
        return settings.writer();
    }

    public ClickHouseCredentials reader() {
        return settings.reader();
    }

    /** A client for this server as {@code user}. */
    public ClickHouseHttp client(ClickHouseCredentials user) {
        return new ClickHouseHttp(httpUri(), user);
    }

    /**
     * Runs {@code drop} (a DROP, TRUNCATE or DROP PARTITION by the admin) with the server's drop
     * limit lifted for one table: the server refuses to drop any table holding data unless its flag
     * file exists (docs/decisions/0008), and deletes the file when it uses it. A file the statement
     * did not use is deleted too, so it cannot let a later drop by another user through. Not for
     * concurrent use with other drops on the same server.
     */
    public void allowingDrop(Runnable drop) {
        Path flag = layout.forceDropFlag();
        try {
            Files.createDirectories(flag.getParent());
            Files.writeString(flag, "");
            drop.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + flag, e);
        } finally {
            deleteQuietly(flag);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}; the next drop of a table with data goes through", file, e);
        }
    }

    /** Folder of the server's own logs and its stdout/stderr. */
    public Path logDir() {
        return layout.logDir();
    }

    /** The server's main log file. */
    public Path serverLog() {
        return layout.serverLog();
    }

    /** Stops the server: SIGTERM, wait, then SIGKILL. Calling it again does nothing. */
    public void stop() {
        stopQuietly();
        removeShutdownHook();
    }

    /**
     * The caller stops the server itself, in its own order (the launcher: after the Flink job has
     * flushed into it), instead of a JVM shutdown hook racing with the caller's. The watchdog still
     * stops the server if the JVM dies without stopping it.
     */
    public void leaveStopToCaller() {
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook is running or has run.
            LOG.debug("JVM shutting down; hook left in place", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        terminate(server, "clickhouse-server");
        watchdog.destroyForcibly();
        LOG.info("clickhouse-server on port {} stopped", httpPort);
    }

    private static void terminate(Process process, String name) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn(
                        "{} (pid {}) ignored SIGTERM for {} s; killing it",
                        name,
                        process.pid(),
                        STOP_GRACE_SECONDS);
                process.destroyForcibly().waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
