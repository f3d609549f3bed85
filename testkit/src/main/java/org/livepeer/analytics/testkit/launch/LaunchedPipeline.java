package org.livepeer.analytics.testkit.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

/**
 * {@code ./analytics up} as a person runs it: the launcher in a JVM of its own, leading its own
 * process group (as a terminal's foreground job does), with a fresh {@code ANALYTICS_HOME} and free
 * loopback ports, its terminal output kept line by line. The launcher's restart tests and the
 * end-to-end benchmark both drive it through this class.
 */
public final class LaunchedPipeline implements AutoCloseable {

    /** Every listener of the embedded default (README, "Ports"). */
    public static final List<String> PORT_VARIABLES =
            List.of(
                    "GATEWAY_PORT",
                    "SSE_PORT",
                    "CLICKHOUSE_HTTP_PORT",
                    "CLICKHOUSE_TCP_PORT",
                    "KAFKA_PORT",
                    "FLINK_METRICS_PORT");

    private static final String READY_LINE = "\\[ ok \\] ready";
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Path home;
    private final Map<String, String> ports;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded; // guarded by lines
    private final PrintWriter copy;

    /** How to start the launcher's JVM: its options, class path and main class. */
    public record Command(List<String> javaOpts, String classpath, String mainClass) {}

    private LaunchedPipeline(Process process, Path home, Map<String, String> ports, Path stdoutCopy)
            throws IOException {
        this.process = process;
        this.home = home;
        this.ports = ports;
        this.copy =
                stdoutCopy == null
                        ? null
                        : new PrintWriter(Files.newBufferedWriter(stdoutCopy), true);
        Thread reader = new Thread(this::readOutput, "launcher-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Free ports for every listener of one pipeline; keep them to restart it on the same ports. */
    public static Map<String, String> freePorts() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String variable : PORT_VARIABLES) {
            env.put(variable, Integer.toString(freePort()));
        }
        return env;
    }

    /**
     * Starts the launcher ({@code <main> up}) under {@code setsid}; returns at once. Its stderr
     * goes to {@code stderrLog}; its stdout is kept in memory and, when {@code stdoutCopy} is not
     * null, copied to that file.
     */
    public static LaunchedPipeline start(
            Command command, Path home, Map<String, String> ports, Path stderrLog, Path stdoutCopy)
            throws IOException {
        Files.createDirectories(home);
        List<String> argv = new ArrayList<>();
        argv.add("/usr/bin/setsid");
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(command.javaOpts());
        argv.addAll(List.of("-cp", command.classpath(), command.mainClass(), "up"));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(ports);
        pb.environment().put("ANALYTICS_HOME", home.toString());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        return new LaunchedPipeline(pb.start(), home, Map.copyOf(ports), stdoutCopy);
    }

    private void readOutput() {
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                append(l);
            }
        } catch (IOException e) {
            append("(output closed: " + e + ")");
        } finally {
            synchronized (lines) {
                outputEnded = true;
                lines.notifyAll();
            }
        }
    }

    private void append(String line) {
        if (copy != null) {
            copy.println(line);
        }
        synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
        }
    }

    /**
     * Waits for a line matching {@code regex} and returns it. Fails as soon as the launcher exits
     * or prints a {@code [FAIL]} status line, with everything it printed.
     */
    public String awaitLine(String regex, Duration timeout) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            for (int seen = 0; ; ) {
                for (; seen < lines.size(); seen++) {
                    String line = lines.get(seen);
                    if (p.matcher(line).find()) {
                        return line;
                    }
                    if (line.contains("[FAIL]")) {
                        throw new IllegalStateException("the launcher failed:\n" + output());
                    }
                }
                if (outputEnded) {
                    throw new IllegalStateException(
                            "the launcher exited before /" + regex + "/:\n" + output());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(
                            "no line /" + regex + "/ in " + timeout + ":\n" + output());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** Waits for the launcher's {@code ready} status line. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        awaitLine(READY_LINE, timeout);
    }

    /** Everything the launcher printed on its terminal so far. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** The launcher's JVM (setsid runs it in place, under the same pid). */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path home() {
        return home;
    }

    public int port(String variable) {
        return Integer.parseInt(ports.get(variable));
    }

    /** SIGTERM, as systemd or Ctrl-C would stop it; waits for the exit and returns its status. */
    public int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close the launcher's stdout, and the
        // lines it prints while it stops would be lost.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("launcher still running after SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL to the launcher's whole process group: nothing in it gets to clean up. */
    public void killProcessGroup() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                .inheritIO()
                .start()
                .waitFor(10, TimeUnit.SECONDS);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** After a failed test: SIGKILL to the process group if the launcher still runs. */
    public void killIfAlive() throws IOException, InterruptedException {
        if (process.isAlive()) {
            killProcessGroup();
        }
    }

    /** {@code credentials.env} under the home, as {@code source data/credentials.env} reads it. */
    public Map<String, String> credentials() throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(home.resolve("credentials.env"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    /** The reader user's client, from {@code credentials.env}. */
    public ClickHouseHttp reader() throws IOException {
        Map<String, String> c = credentials();
        return new ClickHouseHttp(
                URI.create(c.get("CLICKHOUSE_URL")),
                c.get("CLICKHOUSE_USER"),
                c.get("CLICKHOUSE_PASSWORD"));
    }

    /**
     * The ClickHouse server this pipeline started (its command line names a config file under the
     * home), or -1: it runs in a session of its own, outside the launcher's process group.
     */
    public long clickHousePid() {
        String marker = "--config-file=" + home;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                if (commandLine(p).contains(marker)) {
                    return Long.parseLong(p.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    private static String commandLine(Path proc) {
        try {
            return Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // a process that ended while we looked
        }
    }

    /**
     * SIGTERM if it still runs (SIGKILL after two minutes), then stops a ClickHouse server still
     * running under this home: the launcher stops its own, so one left over is ours to end.
     */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.toHandle().destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        long ch = clickHousePid();
        if (ch > 0) {
            ProcessHandle.of(ch)
                    .ifPresent(
                            h -> {
                                h.destroy();
                                h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                            });
        }
        if (copy != null) {
            copy.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
