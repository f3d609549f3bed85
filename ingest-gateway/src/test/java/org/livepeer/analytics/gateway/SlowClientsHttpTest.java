package org.livepeer.analytics.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stalled, idle and surplus connections, over real sockets. */
class SlowClientsHttpTest {

    private static final String EVENT =
            "{\"id\":\"a\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{}}";

    /** Half a request line and header block. */
    private static final String HALF_HEADERS = "POST /v1/events HTTP/1.1\r\nHost: gw\r\nContent-Ty";

    /** Whole headers, then 10 of the 100 body bytes announced. */
    private static final String HALF_BODY =
            "POST /v1/events HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer "
                    + RunningGateway.FRA_KEY
                    + "\r\nContent-Length: 100\r\n\r\n[{\"id\":\"a";

    private static final int STALLED = 2000;

    private static RunningGateway start(String... env) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            settings.put(env[i], env[i + 1]);
        }
        return RunningGateway.start(RunningGateway.config(settings), new FakePublisher());
    }

    @Test
    void stalledRequestsDoNotStopOthersAndAreClosedAfterTheReadTimeout() throws Exception {
        int stalled = stalledConnectionsTheFdLimitAllows();
        long readTimeoutMs = 3000;
        try (RunningGateway gateway =
                        start("GATEWAY_REQUEST_READ_TIMEOUT_MS", Long.toString(readTimeoutMs));
                Sockets sockets = new Sockets()) {
            long opened = System.nanoTime();
            for (int i = 0; i < stalled; i++) {
                sockets.open(gateway.port(), i % 2 == 0 ? HALF_HEADERS : HALF_BODY);
            }

            HttpResponse<String> wellBehaved =
                    gateway.client().post("application/json", RunningGateway.FRA_KEY, EVENT);

            assertEquals(202, wellBehaved.statusCode(), wellBehaved.body());
            // Idle timeout is 60 s: only the read timeout can close them this soon.
            for (Socket socket : sockets.all) {
                assertClosedByServer(socket, Duration.ofSeconds(30));
            }
            long firstClosedMs = (System.nanoTime() - opened) / 1_000_000;
            assertTrue(firstClosedMs >= readTimeoutMs - 100, "closed after " + firstClosedMs);
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    metric(gateway, "gateway_http_request_read_timeouts_total")
                                            == stalled);
            // The well-behaved client's kept-alive connection may still be open.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metric(gateway, "gateway_http_connections") <= 1);
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnceAndCounted() throws Exception {
        try (RunningGateway gateway = start("GATEWAY_MAX_CONNECTIONS", "20");
                Sockets sockets = new Sockets()) {
            for (int i = 0; i < 20; i++) {
                sockets.open(gateway.port(), HALF_HEADERS);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metric(gateway, "gateway_http_connections") == 20);

            List<Socket> surplus = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                surplus.add(sockets.open(gateway.port(), HALF_HEADERS));
            }

            // The read timeout is 10 s: closed well before it means closed on arrival.
            for (Socket socket : surplus) {
                assertClosedByServer(socket, Duration.ofSeconds(5));
            }
            assertEquals(5, metric(gateway, "gateway_http_connections_refused_total"));
            sockets.close();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metric(gateway, "gateway_http_connections") == 0);
            assertEquals(
                    202,
                    gateway.client()
                            .post("application/json", RunningGateway.FRA_KEY, EVENT)
                            .statusCode());
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (RunningGateway gateway =
                        start(
                                "GATEWAY_IDLE_TIMEOUT_MS", "500",
                                "KAFKA_DELIVERY_TIMEOUT_MS", "100");
                Sockets sockets = new Sockets()) {
            Socket socket =
                    sockets.open(gateway.port(), "GET /health HTTP/1.1\r\nHost: gw\r\n\r\n");
            String status = readLine(socket.getInputStream());
            long answered = System.nanoTime();

            assertEquals("HTTP/1.1 200 OK", status);
            assertClosedByServer(socket, Duration.ofSeconds(5));
            long idleMs = (System.nanoTime() - answered) / 1_000_000;
            assertTrue(idleMs >= 400, "closed after " + idleMs + " ms");
        }
    }

    @Test
    void aBodyTrickledByteByByteIsClosedThoughNeverIdle() throws Exception {
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try (RunningGateway gateway =
                        start(
                                "GATEWAY_IDLE_TIMEOUT_MS", "1000",
                                "GATEWAY_REQUEST_READ_TIMEOUT_MS", "1000",
                                "KAFKA_DELIVERY_TIMEOUT_MS", "100");
                Sockets sockets = new Sockets()) {
            Socket socket =
                    sockets.open(gateway.port(), "GET /health HTTP/1.1\r\nHost: gw\r\n\r\n");
            assertEquals("HTTP/1.1 200 OK", readLine(socket.getInputStream()));
            socket.getOutputStream().write(HALF_BODY.getBytes(StandardCharsets.US_ASCII));
            // A body byte every 100 ms keeps the connection from ever being idle for 1 s, while
            // the second request would take 9 s to arrive, far more than idle + read timeout.
            trickler.scheduleAtFixedRate(() -> trickle(socket), 0, 100, TimeUnit.MILLISECONDS);

            assertClosedByServer(socket, Duration.ofSeconds(10));
            assertEquals(1, metric(gateway, "gateway_http_request_read_timeouts_total"));
        } finally {
            trickler.shutdownNow();
        }
    }

    private static void trickle(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
        } catch (IOException e) {
            // Closed by the server: what the test waits for.
        }
    }

    /** The value of the untagged metric {@code name}; -1 when it is not there. */
    private static double metric(RunningGateway gateway, String name) {
        return gateway.metricsText()
                .lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElse(-1);
    }

    /** Reads until the server closes (end of stream or reset), failing after {@code within}. */
    private static void assertClosedByServer(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // An error answer may come first; the close is what counts.
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("still open after " + within, e);
        } catch (SocketException e) {
            // Reset by the server: closed too.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().strip();
    }

    /**
     * Each stalled connection costs two descriptors in this JVM (client and server side): use
     * {@value #STALLED} when the limit ({@code ulimit -n}) leaves room, fewer otherwise.
     */
    private static int stalledConnectionsTheFdLimitAllows() {
        UnixOperatingSystemMXBean os =
                (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long spare = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 200;
        int stalled = (int) Math.min(STALLED, spare / 2);
        assertTrue(stalled >= 200, "ulimit -n leaves room for " + stalled + " connections only");
        return stalled;
    }

    /** Client sockets, closed together. */
    private static final class Sockets implements AutoCloseable {

        private final List<Socket> all = new ArrayList<>();

        Socket open(int port, String firstBytes) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            all.add(socket);
            socket.getOutputStream().write(firstBytes.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return socket;
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : all) {
                socket.close();
            }
        }
    }
}
