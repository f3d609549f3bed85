package org.livepeer.analytics.clickhouse.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.http.ClickHouseCredentials;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

class ClickHouseServerProcessIT {
    @TempDir Path tmp;

    @Test
    void startsOnFreePortsAndLeavesNoProcessBehind() throws IOException {
        ClickHouseServerProcess server =
                ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(tmp));
        long pid = server.pid();
        List<ProcessHandle> helpers = ourChildren();
        try (server) {
            assertTrue(server.isAlive());
            assertTrue(server.httpUrl().startsWith("http://127.0.0.1:"));
            ClickHouseHttp admin = server.client(server.admin());
            assertTrue(admin.ping());
            assertTrue(admin.version().atLeast(18, 16));
            assertEquals(
                    "1970-01-02 00:00:00\n",
                    admin.query("SELECT toDateTime(86400)"),
                    "server runs in UTC");
            assertTrue(Files.size(server.serverLog()) > 0, "server writes its log in the data dir");
            assertEquals(2, helpers.size(), "the server and its watchdog: " + describe(helpers));
            // A terminal's Ctrl-C goes to the JVM's process group only: the owner stops them.
            long ourSession = session(ProcessHandle.current().pid());
            for (ProcessHandle helper : helpers) {
                assertNotEquals(ourSession, session(helper.pid()), describe(helpers));
            }
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> ourChildren().isEmpty());
        assertFalse(new ClickHouseHttp(URI.create(server.httpUrl()), server.admin()).ping());
    }

    /** Field 6 of {@code /proc/<pid>/stat}: the session id. */
    private static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) is in parentheses and may hold spaces.
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[3]);
    }

    @Test
    void theServerDiesWithItsJvmEvenWhenTheJvmsProcessGroupIsKilled() throws Exception {
        Process owner = startOwner();
        try {
            long[] pidAndPort = awaitOwnerReport(owner);
            ClickHouseHttp probe = probe((int) pidAndPort[1]);
            assertTrue(probe.ping());
            killProcessGroup(owner);

            // Polling over HTTP would keep a connection busy, which delays the server's shutdown.
            await().atMost(Duration.ofSeconds(30)).until(() -> !running(pidAndPort[0]));
            assertFalse(probe.ping());
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void aRestartRightAfterAKillStopsTheLeftoverServerInsteadOfFailing() throws Exception {
        Process owner = startOwner();
        try {
            long[] pidAndPort = awaitOwnerReport(owner);
            killProcessGroup(owner);
            // At once, on the same directory and HTTP port: the watchdog has not stopped the
            // leftover server yet (it polls once a second, then allows a graceful stop).
            int port = (int) pidAndPort[1];
            try (ClickHouseServerProcess again =
                    ClickHouseServerProcess.start(
                            ClickHouseServerSettings.forDataDir(tmp.resolve("data"))
                                    .withPorts(port, FreePorts.pickOtherThan(port)))) {
                assertFalse(running(pidAndPort[0]), "the leftover server was stopped");
                assertTrue(again.client(again.admin()).ping());
            }
        } finally {
            owner.destroyForcibly();
        }
    }

    /** A JVM that starts a server and leads a process group, as `./analytics up` in a terminal. */
    private Process startOwner() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        OwnSession.command(
                                List.of(
                                        java,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        ServerOwner.class.getName(),
                                        tmp.resolve("data").toString(),
                                        tmp.resolve("owner.txt").toString())))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("owner.log").toFile())
                .start();
    }

    /** The owner's server pid and HTTP port, once it reported them. */
    private long[] awaitOwnerReport(Process owner) throws IOException {
        Path report = tmp.resolve("owner.txt");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(report) || !owner.isAlive());
        assertTrue(Files.exists(report), () -> "owner JVM died: " + read(tmp.resolve("owner.log")));
        String[] pidAndPort = Files.readString(report).trim().split(" ");
        return new long[] {Long.parseLong(pidAndPort[0]), Long.parseLong(pidAndPort[1])};
    }

    private static ClickHouseHttp probe(int port) {
        return new ClickHouseHttp(
                URI.create("http://127.0.0.1:" + port), new ClickHouseCredentials("x", ""));
    }

    private static void killProcessGroup(Process owner) throws Exception {
        new ProcessBuilder("kill", "-KILL", "--", "-" + owner.pid()).start().waitFor();
        owner.waitFor();
    }

    @Test
    void aServerThatCannotBindFailsWithItsLogTail() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClickHouseServerSettings settings =
                    ClickHouseServerSettings.forDataDir(tmp)
                            .withPorts(taken.getLocalPort(), 0)
                            .withStartupTimeout(Duration.ofSeconds(20));
            ClickHouseStartException e =
                    assertThrows(
                            ClickHouseStartException.class,
                            () -> ClickHouseServerProcess.start(settings));
            assertTrue(e.exitedEarly());
            assertTrue(e.getMessage().contains("Logs in " + tmp.resolve("log")), e.getMessage());
            assertTrue(e.getMessage().contains("Address already in use"), e.getMessage());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ourChildren().isEmpty());
    }

    private static boolean running(long pid) {
        // A zombie (exited, not yet reaped by its new parent) holds no ports and runs nothing.
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && !read(Path.of("/proc/" + pid + "/stat")).matches("^\\d+ \\(.*\\) Z .*");
    }

    private static List<ProcessHandle> ourChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    private static String describe(List<ProcessHandle> handles) {
        return handles.stream()
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                .toList()
                .toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
