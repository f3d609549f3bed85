package org.livepeer.analytics.launcher.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.testkit.launch.LaunchedPipeline;

/**
 * {@code ./analytics up} on a fresh ANALYTICS_HOME, checked while it runs and then stopped with
 * SIGTERM: nothing it or its child processes listen on is reachable from another machine;
 * ANALYTICS_HOME and the secrets in it are its owner's only; the stop takes one path, in one order
 * (docs/processor.md, "State, checkpoints and restarts"). The checks share one launcher, since a
 * start takes most of the time; the stop runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartAndStopIT {

    private static final Duration START = Duration.ofMinutes(2);
    private static final DateTimeFormatter CLICKHOUSE_LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss.SSSSSS");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;

    private static Path home;
    private static Map<String, String> ports;
    @RegisterExtension static final LauncherUnderTest LAUNCHER = LauncherUnderTest.perClass();
    private static LaunchedPipeline up;

    @BeforeAll
    static void startOnAFreshHome() throws Exception {
        home = tmp.resolve("home");
        ports = LaunchedPipeline.freePorts();
        up = LAUNCHER.start(home, ports, tmp.resolve("launcher.log"));
        up.awaitLine("\\[ ok \\] ready", START);
    }

    @Test
    @Order(1)
    void everyListeningSocketOfTheProcessTreeIsOnLoopback() {
        List<ListeningSockets.Listener> listeners = ListeningSockets.of(up.pid());

        Set<Integer> listening =
                listeners.stream().map(ListeningSockets.Listener::port).collect(Collectors.toSet());
        // The configured ports prove the scan sees the JVM and its clickhouse-server child.
        for (Map.Entry<String, String> port : ports.entrySet()) {
            assertTrue(
                    listening.contains(Integer.parseInt(port.getValue())),
                    port + " not among " + listeners);
        }
        assertEquals(
                List.of(),
                listeners.stream().filter(l -> !l.address().isLoopbackAddress()).toList(),
                "listening beyond loopback");
    }

    @Test
    @Order(2)
    void theHomeAndTheSecretsInItAreTheOwnersOnly() {
        assertEquals("rwx------", permissions(home), "ANALYTICS_HOME");
        for (String dir : List.of("kafka", "clickhouse", "flink")) {
            assertEquals("rwx------", permissions(home.resolve(dir)), dir);
        }
        for (String file : List.of("credentials.env", "internal.env")) {
            assertEquals("rw-------", permissions(home.resolve(file)), file);
        }
    }

    @Test
    @Order(3)
    void sigtermStopsGatewayThenJobThenSseThenClickHouseThenKafka() throws Exception {
        up.terminate(Duration.ofMinutes(2));

        List<String> stops = up.output().lines().filter(l -> l.startsWith("[stop]")).toList();
        assertEquals(
                List.of("ingest-gateway", "flink-job", "sse-api", "vert.x", "clickhouse", "kafka"),
                stops.stream().map(l -> l.split("\\s+")[1]).toList(),
                up.output());
        // The savepoint (the sink's last flush) completed before ClickHouse was told to stop.
        Matcher savepoint = Pattern.compile("stopped with savepoint (\\S+)").matcher(stops.get(1));
        assertTrue(savepoint.find(), stops.get(1));
        Instant completed =
                Files.getLastModifiedTime(
                                Path.of(URI.create(savepoint.group(1))).resolve("_metadata"))
                        .toInstant();
        Instant clickHouseTerminated = clickHouseTerminationSignal();
        assertTrue(
                completed.isBefore(clickHouseTerminated),
                "savepoint at "
                        + completed
                        + ", clickhouse-server's SIGTERM at "
                        + clickHouseTerminated);
    }

    /** When clickhouse-server logged its SIGTERM (its log's local time, this machine's zone). */
    private static Instant clickHouseTerminationSignal() throws IOException {
        Path log = home.resolve("clickhouse/log/clickhouse-server.log");
        String line =
                Files.readAllLines(log).stream()
                        .filter(l -> l.contains("Received termination signal"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no termination signal in " + log));
        return LocalDateTime.parse(line.substring(0, 26), CLICKHOUSE_LOG_TIME)
                .atZone(ZoneId.systemDefault())
                .toInstant();
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
