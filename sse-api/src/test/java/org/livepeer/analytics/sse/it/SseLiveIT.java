package org.livepeer.analytics.sse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithKafka;

/** The live endpoints against a real broker: delivery, filters, resume, gaps, slow clients. */
@WithKafka
class SseLiveIT {

    static final String TOKEN = "it-token";
    private static Vertx vertx;
    private static String base;
    private static TestProducer producer;
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        kafka = broker;
        broker.createTopic("live-metrics", 1, Map.of());
        broker.createTopic("streaming-events", 3, Map.of());
        producer = TestProducer.connect(broker);
        vertx = Vertx.vertx();
        // Small buffers and a fast heartbeat, so that slow and idle clients show within a test.
        Map<String, String> settings =
                Map.of(
                        "SSE_CLIENT_BUFFER_MESSAGES", "20",
                        "SSE_HEARTBEAT_MS", "300",
                        "SSE_MAX_CLIENTS", "50");
        base = DeployedSse.deploy(vertx, broker.bootstrapServers(), TOKEN, settings);
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static String metric(String scope, String key, long windowStart) {
        return new JsonObject()
                .put("schema", 1)
                .put("scope", scope)
                .put("key", key)
                .put("window_start_ms", windowStart)
                .put("revision", 0)
                .encode();
    }

    static String event(String type, String stream, String orch, int n) {
        return new JsonObject()
                .put("id", "e-" + n)
                .put("type", type)
                .put("timestamp", "1767908955607")
                .put(
                        "data",
                        new JsonObject()
                                .put("stream_id", stream)
                                .put("n", n)
                                .put("orchestrator_info", new JsonObject().put("address", orch)))
                .encode();
    }

    static void send(String topic, String key, String value) throws Exception {
        producer.send(topic, key, value);
    }

    private static String url(String path) {
        return base + path + (path.contains("?") ? "&" : "?") + "access_token=" + TOKEN;
    }

    @Test
    void metricsArriveFilteredWithResumeIdsAndHeartbeats() throws Exception {
        try (SseTestClient all = SseTestClient.open(url("/v1/live/metrics"), null);
                SseTestClient orch =
                        SseTestClient.open(url("/v1/live/metrics?orchestrator=0xABC"), null)) {
            assertEquals(200, all.status());
            send("live-metrics", null, metric("network", "", 1000));
            send("live-metrics", null, metric("orchestrator", "0xabc", 1000));
            send("live-metrics", null, metric("orchestrator", "0xdef", 1000));
            send("live-metrics", null, metric("pipeline", "sdxl", 1000));
            await().atMost(Duration.ofSeconds(20)).until(() -> all.frames("metrics").size() == 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> orch.frames("metrics").size() == 1);
            assertEquals(
                    "0xabc", new JsonObject(orch.frames("metrics").get(0).data()).getString("key"));
            List<String> ids = all.frames("metrics").stream().map(SseTestClient.Frame::id).toList();
            assertTrue(ids.get(0).matches("0-\\d+"), ids.toString());
            assertEquals(orch.frames("metrics").get(0).id(), ids.get(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> !all.comments().isEmpty());
        }
    }

    @Test
    void rejectsMissingTokenBadFiltersAndServesMetrics() throws Exception {
        HttpResponse<String> denied = get("/v1/live/metrics");
        assertEquals(401, denied.statusCode());
        assertEquals("unauthorized", new JsonObject(denied.body()).getString("error"));
        assertEquals(401, get("/v1/live/events?access_token=wrong").statusCode());
        assertEquals(400, get("/v1/live/metrics?scope=planet&access_token=" + TOKEN).statusCode());
        HttpResponse<String> metrics = get("/metrics");
        assertTrue(metrics.body().contains("sse_clients{stream=\"metrics\"}"), metrics.body());
        assertTrue(
                metrics.body().contains("sse_connections_rejected_total{reason=\"unauthorized\"}"));
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Livepeer live network</title>"));
    }

    @Test
    void resumeReturnsExactlyWhatFollowedAcrossPartitions() throws Exception {
        List<String> before = new ArrayList<>();
        String lastId;
        try (SseTestClient c = SseTestClient.open(url("/v1/live/events?type=resume_test"), null)) {
            for (int i = 0; i < 30; i++) {
                send("streaming-events", "k" + i, event("resume_test", "s" + i, "0xA", i));
                send("streaming-events", "k" + i, event("other_type", "s" + i, "0xA", i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> c.frames("event").size() == 30);
            c.frames("event").forEach(f -> before.add(f.data()));
            lastId = c.frames("event").get(29).id();
            assertTrue(lastId.matches("0-\\d+_1-\\d+_2-\\d+"), lastId);
        }
        // Missed while disconnected, then live after reconnecting.
        for (int i = 30; i < 60; i++) {
            send("streaming-events", "k" + i, event("resume_test", "s" + i, "0xA", i));
        }
        try (SseTestClient c =
                SseTestClient.open(url("/v1/live/events?type=resume_test"), lastId)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> c.frames("event").size() == 30);
            for (int i = 60; i < 70; i++) {
                send("streaming-events", "k" + i, event("resume_test", "s" + i, "0xA", i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> c.frames("event").size() == 40);
            List<Integer> got =
                    c.frames("event").stream()
                            .map(
                                    f ->
                                            new JsonObject(f.data())
                                                    .getJsonObject("data")
                                                    .getInteger("n"))
                            .sorted()
                            .toList();
            List<Integer> expected = new ArrayList<>();
            for (int i = 30; i < 70; i++) {
                expected.add(i);
            }
            assertEquals(expected, got);
            assertTrue(c.frames("gap").isEmpty());
        }
    }

    @Test
    void gapWhenTheResumePointIsGoneOrInvalid() throws Exception {
        String oldId;
        try (SseTestClient c = SseTestClient.open(url("/v1/live/metrics?scope=pipeline"), null)) {
            send("live-metrics", null, metric("pipeline", "gap-test", 1));
            await().atMost(Duration.ofSeconds(20)).until(() -> c.frames("metrics").size() == 1);
            oldId = c.frames("metrics").get(0).id();
        }
        for (int i = 0; i < 5; i++) {
            send("live-metrics", null, metric("pipeline", "after-gap", i));
        }
        long offset = Long.parseLong(oldId.substring(2));
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            admin.deleteRecords(
                            Map.of(
                                    new TopicPartition("live-metrics", 0),
                                    RecordsToDelete.beforeOffset(offset + 3)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (SseTestClient c = SseTestClient.open(url("/v1/live/metrics?scope=pipeline"), oldId)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> c.frames("metrics").size() == 3);
            JsonObject gap = new JsonObject(c.frames("gap").get(0).data());
            assertEquals("retention", gap.getString("reason"));
            assertEquals(offset + 1, gap.getLong("requested_offset"));
            assertEquals(offset + 3, gap.getLong("resumed_offset"));
            assertEquals("gap", c.frames().get(0).event());
        }
        try (SseTestClient c = SseTestClient.open(url("/v1/live/metrics"), "garbage")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> c.frames("gap").size() == 1);
            assertEquals(
                    "invalid_token",
                    new JsonObject(c.frames("gap").get(0).data()).getString("reason"));
        }
    }

    @Test
    void slowClientIsDroppedWithoutSlowingOthers() throws Exception {
        // 10 MB: more than the loopback socket buffers (4 MiB send, 4 KiB receive) can hide.
        String payload = "x".repeat(4_000);
        try (Socket slow = new Socket();
                SseTestClient fast = SseTestClient.open(url("/v1/live/events?type=flood"), null)) {
            slow.setReceiveBufferSize(4_096);
            URI u = URI.create(base);
            slow.connect(new InetSocketAddress(u.getHost(), u.getPort()));
            slow.getOutputStream()
                    .write(
                            ("GET /v1/live/events?access_token="
                                            + TOKEN
                                            + " HTTP/1.1\r\nHost: x\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metricValue("sse_clients{stream=\"events\"}") == 2);
            int n = 2_500;
            for (int i = 0; i < n; i++) {
                producer.sendAsync(
                        new ProducerRecord<>(
                                "streaming-events",
                                TestProducer.utf8("f" + i),
                                TestProducer.utf8(
                                        new JsonObject()
                                                .put("type", "flood")
                                                .put("n", i)
                                                .put("pad", payload)
                                                .encode())));
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> fast.frames("event").size() == n);
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    metricValue(
                                                    "sse_clients_dropped_total{reason=\"overflow\",stream=\"events\"}")
                                            == 1);
            String tail = readAll(slow.getInputStream());
            assertTrue(
                    tail.contains("event: overflow"),
                    "slow client must get a final overflow event");
            assertTrue(fast.frames("overflow").isEmpty());
            assertTrue(!fast.ended());
        }
    }

    private static String readAll(InputStream in) throws Exception {
        byte[] all = in.readAllBytes();
        return new String(all, StandardCharsets.UTF_8);
    }

    static double metricValue(String series) throws Exception {
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return -1;
    }
}
