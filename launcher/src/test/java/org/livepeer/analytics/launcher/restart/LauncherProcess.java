package org.livepeer.analytics.launcher.restart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.livepeer.analytics.launcher.AnalyticsMain;

/**
 * {@code ./analytics up} as a person runs it: the launcher in a JVM of its own, leading its own
 * process group (as a terminal's foreground job does), on free ports, with its terminal output kept
 * line by line.
 */
final class LauncherProcess {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader r =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String l = r.readLine(); l != null; l = r.readLine()) {
                                    lines.add(l);
                                }
                            } catch (IOException e) {
                                lines.add("(output closed: " + e + ")");
                            }
                        },
                        "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Free ports for every listener of one pipeline, kept across its restarts. */
    static Map<String, String> ports() {
        Map<String, String> env = new HashMap<>();
        for (String key :
                List.of(
                        "GATEWAY_PORT",
                        "SSE_PORT",
                        "CLICKHOUSE_HTTP_PORT",
                        "CLICKHOUSE_TCP_PORT",
                        "KAFKA_PORT",
                        "FLINK_METRICS_PORT")) {
            env.put(key, Integer.toString(freePort()));
        }
        return env;
    }

    static LauncherProcess start(Path home, Map<String, String> ports, Path log)
            throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(
                        "/usr/bin/setsid",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseParallelGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AnalyticsMain.class.getName(),
                        "up");
        pb.environment().putAll(ports);
        pb.environment().put("ANALYTICS_HOME", home.toString());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new LauncherProcess(pb.start());
    }

    /** Waits for a status line matching {@code regex}; fails early if the launcher exits. */
    String awaitLine(String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex);
        Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> lines.stream().anyMatch(l -> p.matcher(l).find()) || !alive());
        return lines.stream()
                .filter(l -> p.matcher(l).find())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line /" + regex + "/ in:\n" + output()));
    }

    String output() {
        return lines.stream().collect(Collectors.joining("\n"));
    }

    /** The launcher's JVM (setsid runs it in place, under the same pid). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd or Ctrl-C would stop it; waits for the exit. */
    int terminate(Duration timeout) throws Exception {
        signal("-TERM", Long.toString(process.pid()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("launcher still running after SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL to the launcher's whole process group: nothing in it gets to clean up. */
    void killProcessGroup() throws Exception {
        signal("-KILL", "--", "-" + process.pid());
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static void signal(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "kill";
        System.arraycopy(args, 0, cmd, 1, args.length);
        new ProcessBuilder(cmd).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    static Map<String, String> credentials(Path home) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(home.resolve("credentials.env"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
