package org.livepeer.analytics.gateway.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.GatewayClient;
import org.livepeer.analytics.gateway.RunningGateway;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.WithKafka;

/**
 * The edge behaviours against a real broker: gzip bodies, limits, the DLQ topic's records and
 * headers, a keys file, the per-key rate limit, and /metrics after real traffic.
 */
@WithKafka
class GatewayEdgeIT {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void useBroker(EmbeddedKafkaBroker kafka) {
        broker = kafka;
    }

    /** A gateway on fresh event and DLQ topics, once ready; {@code env} adds settings. */
    private static Gateway gateway(String... env) throws Exception {
        int n = TOPICS.incrementAndGet();
        String events = "edge-events-" + n;
        String dlq = "edge-dlq-" + n;
        broker.createTopic(events, 3, Map.of());
        broker.createTopic(dlq, 1, Map.of());
        Map<String, String> settings = new HashMap<>();
        settings.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        settings.put("EVENTS_TOPIC", events);
        settings.put("DLQ_TOPIC", dlq);
        for (int i = 0; i < env.length; i += 2) {
            settings.put(env[i], env[i + 1]);
        }
        RunningGateway running =
                RunningGateway.start(RunningGateway.config(settings), PublisherFactory.kafka());
        GatewayClient client = running.client();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/ready").statusCode() == 200);
        return new Gateway(running, client, events, dlq);
    }

    private record Gateway(RunningGateway running, GatewayClient client, String events, String dlq)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            running.close();
        }

        List<ConsumerRecord<String, byte[]>> eventRecords() {
            return TopicReader.readAll(broker.bootstrapServers(), events);
        }

        List<ConsumerRecord<String, byte[]>> dlqRecords(int expected) {
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    TopicReader.readAll(broker.bootstrapServers(), dlq).size()
                                            >= expected);
            return TopicReader.readAll(broker.bootstrapServers(), dlq);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    @Test
    void gzipBodyIsInflatedAndItsEventsWrittenExactly() throws Exception {
        List<String> samples = SampleFiles.all().subList(0, 12);
        try (Gateway gw = gateway()) {
            HttpResponse<String> response =
                    gw.client()
                            .post(
                                    RunningGateway.FRA_KEY,
                                    GatewayClient.gzip("[" + String.join(",", samples) + "]"),
                                    "Content-Type",
                                    "application/json",
                                    "Content-Encoding",
                                    "gzip");

            assertEquals(202, response.statusCode(), response.body());
            assertEquals(12, json(response).get("accepted").asInt());
            List<String> written = gw.eventRecords().stream().map(GatewayEdgeIT::value).toList();
            assertEquals(samples.stream().sorted().toList(), written.stream().sorted().toList());
        }
    }

    @Test
    void limitsRefuseBeforeAnythingIsWritten() throws Exception {
        String event = SampleFiles.all().get(0);
        try (Gateway gw = gateway("INGEST_MAX_BODY_BYTES", "65536", "INGEST_MAX_EVENTS", "3")) {
            byte[] bomb = GatewayClient.gzip(new byte[20 * 1024 * 1024]);
            HttpResponse<String> inflated =
                    gw.client()
                            .post(
                                    RunningGateway.FRA_KEY,
                                    bomb,
                                    "Content-Type",
                                    "application/json",
                                    "Content-Encoding",
                                    "gzip");
            HttpResponse<String> tooMany =
                    gw.client()
                            .post(
                                    "application/x-ndjson",
                                    RunningGateway.FRA_KEY,
                                    String.join("\n", event, event, event, event));
            HttpResponse<String> wrongType =
                    gw.client().post("text/csv", RunningGateway.FRA_KEY, event);

            assertTrue(bomb.length < 65536, "a small body: " + bomb.length);
            assertEquals(413, inflated.statusCode(), inflated.body());
            assertEquals("payload_too_large", json(inflated).get("error").asText());
            assertEquals(413, tooMany.statusCode(), tooMany.body());
            assertEquals("too_many_events", json(tooMany).get("error").asText());
            assertEquals(415, wrongType.statusCode(), wrongType.body());
            assertEquals(0, gw.eventRecords().size());
            assertEquals(
                    202,
                    gw.client()
                            .post("application/json", RunningGateway.FRA_KEY, event)
                            .statusCode(),
                    "the gateway still serves after refusing");
        }
    }

    @Test
    void partialBatchAcceptsTheGoodAndDeadLettersTheBadWithHeaders() throws Exception {
        String good = SampleFiles.all().get(3);
        String noType = "{\"id\":\"dlq-1\",\"timestamp\":1767225600000,\"data\":{}}";
        String badTime = "{\"id\":\"dlq-2\",\"type\":\"stream_trace\",\"timestamp\":5,\"data\":{}}";
        String huge =
                "{\"id\":\"dlq-3\",\"type\":\"x\",\"data\":{\"pad\":\""
                        + "p".repeat(70_000)
                        + "\"}}";
        try (Gateway gw = gateway()) {
            long before = System.currentTimeMillis();
            HttpResponse<String> response =
                    gw.client()
                            .post(
                                    "application/x-ndjson",
                                    RunningGateway.FRA_KEY,
                                    String.join("\n", noType, good, badTime, "{oops", huge));
            HttpResponse<String> broken =
                    gw.client().post("application/json", RunningGateway.FRA_KEY, "[" + good);

            assertEquals(202, response.statusCode(), response.body());
            assertEquals(1, json(response).get("accepted").asInt());
            assertEquals(4, json(response).get("rejected").size());
            assertEquals(400, broken.statusCode(), broken.body());
            assertEquals(
                    List.of(good), gw.eventRecords().stream().map(GatewayEdgeIT::value).toList());

            List<ConsumerRecord<String, byte[]>> dlq = gw.dlqRecords(5);
            assertEquals(5, dlq.size());
            ConsumerRecord<String, byte[]> first = dlq.get(0);
            assertEquals(noType, value(first));
            assertEquals("dlq-1", first.key());
            assertEquals("missing_field:type", header(first, "error_type"));
            assertTrue(header(first, "error_message").contains("type"));
            assertEquals("fra", header(first, "source"));
            assertEquals("dlq-1", header(first, "event_id"));
            assertNull(header(first, "event_type"));
            assertNull(header(first, "truncated"));
            assertTrue(Long.parseLong(header(first, "received_at")) >= before);
            assertEquals("invalid_timestamp", header(dlq.get(1), "error_type"));
            assertEquals("stream_trace", header(dlq.get(1), "event_type"));
            assertEquals("invalid_json", header(dlq.get(2), "error_type"));
            assertNull(dlq.get(2).key());
            assertEquals("{oops", value(dlq.get(2)));
            ConsumerRecord<String, byte[]> cut = dlq.get(3);
            assertEquals("missing_field:timestamp", header(cut, "error_type"));
            assertEquals("true", header(cut, "truncated"));
            assertEquals(65_536, cut.value().length);
            assertEquals(huge.substring(0, 65_536), value(cut));
            assertEquals("invalid_json", header(dlq.get(4), "error_type"));
            assertEquals("[" + good, value(dlq.get(4)));
            assertNull(header(dlq.get(4), "event_id"));
        }
    }

    @Test
    void keysFromAFileAuthenticateAndNameTheSource(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# edge keys\nlon:key-lon-from-file   # London\n");
        try (Gateway gw = gateway("INGEST_API_KEYS_FILE", keys.toString())) {
            HttpResponse<String> fromFile =
                    gw.client()
                            .post(
                                    "application/json",
                                    "key-lon-from-file",
                                    SampleFiles.all().get(5));
            HttpResponse<String> wrong =
                    gw.client()
                            .post("application/json", "key-lon-from-fil", SampleFiles.all().get(5));

            assertEquals(202, fromFile.statusCode(), fromFile.body());
            assertEquals(401, wrong.statusCode(), wrong.body());
            List<ConsumerRecord<String, byte[]>> records = gw.eventRecords();
            assertEquals(1, records.size());
            assertEquals("lon", header(records.get(0), "source"));
        }
    }

    @Test
    void rateLimitIs429WithRetryAfterAndCounted() throws Exception {
        List<String> samples = SampleFiles.all().subList(0, 5);
        try (Gateway gw = gateway("INGEST_RATE_LIMIT", "2", "INGEST_RATE_BURST", "5")) {
            HttpResponse<String> burst =
                    gw.client()
                            .post(
                                    "application/x-ndjson",
                                    RunningGateway.FRA_KEY,
                                    String.join("\n", samples));
            HttpResponse<String> limited =
                    gw.client().post("application/json", RunningGateway.FRA_KEY, samples.get(0));

            assertEquals(202, burst.statusCode(), burst.body());
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals("rate_limited", json(limited).get("error").asText());
            assertEquals("1", limited.headers().firstValue("Retry-After").orElse(null));
            assertEquals(5, gw.eventRecords().size());
            String metrics = gw.client().get("/metrics").body();
            assertTrue(metrics.contains("gateway_rate_limited_requests_total 1.0"), metrics);
            assertTrue(metrics.contains("gateway_events_accepted_total 5.0"), metrics);
            assertTrue(
                    metrics.contains(
                            "gateway_kafka_send_duration_seconds_count{outcome=\"acknowledged\"} 1"),
                    metrics);
            assertTrue(
                    metrics.contains(
                            "gateway_request_duration_seconds_count{method=\"POST\",route=\"/v1/events\",status=\"429\"} 1"),
                    metrics);
        }
    }
}
