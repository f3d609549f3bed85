package org.livepeer.analytics.launcher.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;

    private static Path home;
    private static Map<String, String> ports;
    private static LauncherProcess up;

    @BeforeAll
    static void startOnAFreshHome() throws Exception {
        home = tmp.resolve("home");
        ports = LauncherProcess.ports();
        up = LauncherProcess.start(home, ports, tmp.resolve("launcher.log"));
        up.awaitLine("\\[ ok \\] ready", START);
    }

    @AfterAll
    static void killLeftover() throws Exception {
        if (up != null && up.alive()) {
            up.killProcessGroup();
        }
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

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
