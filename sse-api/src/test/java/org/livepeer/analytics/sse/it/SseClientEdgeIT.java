package org.livepeer.analytics.sse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithKafka;

/**
 * The client edge against a real broker and real sockets: stalled half requests, the idle timeout
 * next to healthy streams, and resuming clients that do not read.
 */
@WithKafka
class SseClientEdgeIT {

    private static final String TOKEN = "edge-token";
    private static EmbeddedKafkaBroker kafka;
    private static TestProducer producer;
    private static Vertx vertx;
    private final List<Socket> sockets = new ArrayList<>();
    private String base;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        kafka = broker;
        producer = TestProducer.connect(broker);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void twoThousandStalledHalfRequestsNeitherKeepAStreamOutNorStayOpen() throws Exception {
        int stalled = 2_000;
        assumeTrue(fileDescriptorLimit() > 3L * stalled, "needs ulimit -n above " + 3 * stalled);
        // The idle timeout (60 s) is far off: what closes the stalled ones is the header deadline.
        deploy(
                "a",
                Map.of(
                        "SSE_MAX_CLIENTS", "100",
                        "SSE_MAX_CONNECTIONS", "2500",
                        "SSE_REQUEST_READ_TIMEOUT_MS", "5000",
                        "SSE_IDLE_TIMEOUT_MS", "60000",
                        "SSE_HEARTBEAT_MS", "300"));
        URI u = URI.create(base);
        for (int i = 0; i < stalled; i++) {
            Socket s = new Socket();
            sockets.add(s);
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()));
            s.getOutputStream()
                    .write(
                            "GET /v1/live/metrics HTTP/1.1\r\nHost: x\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
        }
        try (SseTestClient good = SseTestClient.open(url("/v1/live/metrics"), null)) {
            assertEquals(200, good.status());
            // The latest stalled ones are still held (a read times out instead of seeing EOF).
            for (Socket s : sockets.subList(stalled - 100, stalled)) {
                s.setSoTimeout(1);
                assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
            }
            for (Socket s : sockets) {
                s.setSoTimeout(30_000);
                assertEquals(-1, s.getInputStream().read(), "closed by the server");
            }
            assertTrue(
                    metric("sse_connections_closed_total{reason=\"request_read_timeout\"}")
                            >= stalled);
            send("edge-a-metrics", "{\"scope\":\"network\",\"key\":\"\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> good.frames("metrics").size() == 1);
            assertFalse(good.ended());
        }
    }

    @Test
    void theIdleTimeoutDoesNotCutAStreamKeptBusyByHeartbeats() throws Exception {
        deploy("b", Map.of("SSE_HEARTBEAT_MS", "200", "SSE_IDLE_TIMEOUT_MS", "500"));
        try (SseTestClient stream = SseTestClient.open(url("/v1/live/metrics"), null)) {
            // Twelve heartbeats: almost five idle timeouts.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> stream.comments().size() >= 12 || stream.ended());
            assertFalse(stream.ended(), "a stream with heartbeats is not idle");
            send("edge-b-metrics", "{\"scope\":\"network\",\"key\":\"\"}");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> stream.frames("metrics").size() == 1);
        }
    }

    @Test
    void resumingClientsThatDoNotReadAreBoundedInBytesAndGetOverflow() throws Exception {
        long cap = 131_072;
        int slow = 10;
        deploy(
                "c",
                Map.of(
                        "SSE_CLIENT_BUFFER_BYTES", String.valueOf(cap),
                        "SSE_CLIENT_BUFFER_MESSAGES", "1000000",
                        "SSE_HEARTBEAT_MS", "300"));
        for (int i = 0; i < 20; i++) {
            send("edge-c-events", flood("history", i, 3_000));
        }
        for (int i = 0; i < slow; i++) {
            openWithoutReading("/v1/live/events", "0-0");
        }
        try (SseTestClient fast = SseTestClient.open(url("/v1/live/events"), "0-0")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> metric("sse_clients{stream=\"events\"}") == slow + 1);
            // Live traffic in small rounds (many poll batches) until every slow client is dropped.
            AtomicInteger live = new AtomicInteger();
            AtomicLong mostPending = new AtomicLong();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> {
                                for (int i = 0; i < 10; i++) {
                                    producer.sendAsync(
                                            new ProducerRecord<>(
                                                    "edge-c-events",
                                                    TestProducer.utf8(
                                                            flood(
                                                                    "flood",
                                                                    live.getAndIncrement(),
                                                                    4_000))));
                                }
                                producer.flush();
                                double pending = metric("sse_pending_bytes{stream=\"events\"}");
                                mostPending.accumulateAndGet((long) pending, Math::max);
                                return metric(
                                                "sse_clients_dropped_total{reason=\"overflow\",stream=\"events\"}")
                                        >= slow;
                            });
            assertTrue(
                    mostPending.get() <= (slow + 1) * cap,
                    "pending bytes " + mostPending.get() + " over " + (slow + 1) + " x " + cap);
            for (Socket s : sockets) {
                s.setSoTimeout(30_000);
                String got = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                JsonObject overflow = overflowData(got);
                assertTrue(overflow.getLong("pending_bytes") <= cap, overflow.encode());
                assertEquals(cap, overflow.getLong("limit_bytes"));
            }
            // The reading client got the replay (after offset 0) and every live message.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> fast.frames("event").size() == 19 + live.get() || fast.ended());
            assertEquals(List.of(), fast.frames("overflow"));
            assertEquals(19 + live.get(), fast.frames("event").size());
            assertFalse(fast.ended());
        }
    }

    private static String flood(String type, int n, int padding) {
        return new JsonObject()
                .put("type", type)
                .put("n", n)
                .put("pad", "x".repeat(padding))
                .encode();
    }

    /** A stream whose client reads nothing, through a 4 KiB receive window. */
    private void openWithoutReading(String path, String lastEventId) throws IOException {
        URI u = URI.create(base);
        Socket s = new Socket();
        sockets.add(s);
        s.setReceiveBufferSize(4_096);
        s.connect(new InetSocketAddress(u.getHost(), u.getPort()));
        s.getOutputStream()
                .write(
                        ("GET "
                                        + path
                                        + "?access_token="
                                        + TOKEN
                                        + " HTTP/1.1\r\nHost: x\r\nLast-Event-ID: "
                                        + lastEventId
                                        + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
    }

    private static JsonObject overflowData(String stream) {
        int at = stream.lastIndexOf("event: overflow\ndata: ");
        assertTrue(at >= 0, "a final overflow event");
        int start = at + "event: overflow\ndata: ".length();
        return new JsonObject(stream.substring(start, stream.indexOf('\n', start)));
    }

    private void deploy(String prefix, Map<String, String> overrides) throws Exception {
        kafka.createTopic("edge-" + prefix + "-metrics", 1, Map.of());
        kafka.createTopic("edge-" + prefix + "-events", 1, Map.of());
        Map<String, String> settings = new HashMap<>();
        settings.put("LIVE_METRICS_TOPIC", "edge-" + prefix + "-metrics");
        settings.put("EVENTS_TOPIC", "edge-" + prefix + "-events");
        settings.put("SSE_EVENT_LOOPS", "2");
        settings.putAll(overrides);
        base = DeployedSse.deploy(vertx, kafka.bootstrapServers(), TOKEN, settings);
    }

    private String url(String path) {
        return base + path + "?access_token=" + TOKEN;
    }

    private static void send(String topic, String value) throws Exception {
        producer.send(topic, value);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String series) throws Exception {
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return -1;
    }

    private static long fileDescriptorLimit() {
        return ManagementFactory.getOperatingSystemMXBean()
                        instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : 0;
    }
}
