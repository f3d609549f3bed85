package org.livepeer.analytics.bench.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

/**
 * The whole embedded pipeline as {@code ./analytics up} runs it: {@code AnalyticsMain up} in a
 * child JVM with a fresh {@code ANALYTICS_HOME} and free loopback ports, started the way the {@code
 * analytics} script does, ready when it prints its {@code ready} status line. ClickHouse is that
 * JVM's child in a session of its own, found by its {@code --config-file} under the home.
 */
final class LaunchedPipeline implements AutoCloseable {

    private static final String MAIN = "org.livepeer.analytics.launcher.AnalyticsMain";
    private static final long READY_TIMEOUT_S = 240;
    private static final long STOP_TIMEOUT_S = 120;

    private final Process process;
    private final Path home;
    private final Path stdout;
    private final Map<String, String> ports;
    private Map<String, String> credentials = Map.of();
    private long clickHousePid = -1;

    private LaunchedPipeline(Process process, Path home, Path stdout, Map<String, String> ports) {
        this.process = process;
        this.home = home;
        this.stdout = stdout;
        this.ports = ports;
    }

    /** Starts the launcher and waits for its ready line. */
    static LaunchedPipeline start(
            Path repo, Path home, Path logDir, List<String> javaOpts, String classpathFile)
            throws Exception {
        Files.createDirectories(home);
        Map<String, String> ports = new LinkedHashMap<>();
        for (String key :
                List.of(
                        "GATEWAY_PORT",
                        "SSE_PORT",
                        "CLICKHOUSE_HTTP_PORT",
                        "CLICKHOUSE_TCP_PORT",
                        "KAFKA_PORT")) {
            ports.put(key, Integer.toString(freePort()));
        }
        String cp =
                classpathFile.isEmpty()
                        ? repo.resolve("launcher/target/classes")
                                + ":"
                                + Files.readString(repo.resolve("launcher/target/classpath.txt"))
                                        .trim()
                        : Files.readString(Path.of(classpathFile)).trim();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOpts);
        command.addAll(List.of("-cp", cp, MAIN, "up"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        pb.environment().put("ANALYTICS_HOME", home.toString());
        pb.environment().putAll(ports);
        Path out = logDir.resolve(home.getFileName() + ".out");
        pb.redirectOutput(out.toFile());
        pb.redirectError(logDir.resolve(home.getFileName() + ".err").toFile());
        LaunchedPipeline p = new LaunchedPipeline(pb.start(), home, out, ports);
        p.awaitReady();
        return p;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(stdout, StandardCharsets.UTF_8);
            if (text.contains("[FAIL]") || !process.isAlive()) {
                throw new IllegalStateException("the pipeline did not start; see " + stdout);
            }
            if (text.contains("[ ok ] ready")) {
                credentials = readEnv(home.resolve("credentials.env"));
                clickHousePid = findClickHouse(home);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(
                "no ready line in " + READY_TIMEOUT_S + " s; see " + stdout);
    }

    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    /** The pid whose command line names a config file under {@code home}, or -1. */
    static long findClickHouse(Path home) throws IOException {
        String marker = "--config-file=" + home;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline"), StandardCharsets.UTF_8);
                    if (cmd.contains(marker)) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (IOException e) {
                    // a process that ended while we looked
                }
            }
        }
        return -1;
    }

    private static long findClickHouseQuietly(Path home) {
        try {
            return findClickHouse(home);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    long clickHousePid() {
        return clickHousePid;
    }

    Path home() {
        return home;
    }

    int gatewayPort() {
        return Integer.parseInt(ports.get("GATEWAY_PORT"));
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + ports.get("KAFKA_PORT");
    }

    String ingestKey() {
        return credentials.get("INGEST_API_KEY");
    }

    ClickHouseHttp reader() {
        return new ClickHouseHttp(
                URI.create(credentials.get("CLICKHOUSE_URL")),
                credentials.get("CLICKHOUSE_USER"),
                credentials.get("CLICKHOUSE_PASSWORD"));
    }

    /** SIGTERM, as Ctrl-C would, then waits for the launcher (and its ClickHouse) to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        // The launcher stops ClickHouse itself; a server still running under this home is ours.
        long ch = clickHousePid > 0 ? findClickHouseQuietly(home) : -1;
        if (ch > 0) {
            ProcessHandle.of(ch)
                    .ifPresent(
                            h -> {
                                h.destroy();
                                h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                            });
        }
    }
}
