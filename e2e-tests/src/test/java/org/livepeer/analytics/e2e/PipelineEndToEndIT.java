package org.livepeer.analytics.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.gateway.GatewayVerticle;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.processor.ProcessorJob;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithClickHouse;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;

/**
 * The walking skeleton, every hop real: HTTP POST → gateway → Kafka → Flink (MiniCluster) →
 * ClickHouse (server process). Proves by counting that every accepted event is in the raw archive
 * and in its typed table, and that every malformed input got its 4xx or its DLQ row.
 */
@WithKafka
@WithClickHouse
class PipelineEndToEndIT {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final String TOPIC = "streaming-events";
    private static final String KEY = "e2e-test-key";
    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Vertx vertx;
    private static JobClient job;
    private static IngestClient ingest;

    @BeforeAll
    static void startPipeline(
            EmbeddedKafkaBroker kafka, ClickHouseTestServer clickhouse, @TempDir Path checkpoints)
            throws Exception {
        kafka.createTopic(TOPIC, 3, Map.of());
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("CLICKHOUSE_URL", clickhouse.process().httpUrl());
        env.put("CLICKHOUSE_WRITER_USER", ClickHouseServerSettings.WRITER_USER);
        env.put("CLICKHOUSE_WRITER_PASSWORD", clickhouse.process().writer().password());
        env.put("PROCESSOR_CHECKPOINT_INTERVAL_MS", "500");
        env.put("PROCESSOR_CHECKPOINT_DIR", checkpoints.toUri().toString());
        env.put("SINK_BATCH_MAX_DELAY_MS", "200");
        env.put("GATEWAY_PORT", "0");
        env.put("INGEST_API_KEYS", "e2e:" + KEY);
        job =
                ProcessorJob.start(
                        StreamExecutionEnvironment.getExecutionEnvironment(),
                        ProcessorConfig.fromEnv(env));
        vertx = Vertx.vertx();
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.fromEnv(env));
        vertx.deployVerticle(gateway).await();
        ingest = new IngestClient(gateway.actualPort(), KEY);
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (job != null) {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcceptedEventIsArchivedAndTypedAndEveryBadInputIsExplained(
            EmbeddedKafkaBroker kafka, ClickHouseTestServer clickhouse) throws Exception {
        Map<String, Set<String>> acceptedByType = postAllSamples();
        int accepted = acceptedByType.values().stream().mapToInt(Set::size).sum();
        assertEquals(62, accepted, "every sample event is accepted");
        postMalformedEnvelopesAndExpect4xx();
        Map<String, Integer> directDeadLetters = produceMalformedRecordsDirectly(kafka);
        int direct = directDeadLetters.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> expectedDeadLetters = new TreeMap<>();
        directDeadLetters.forEach(
                (code, n) -> expectedDeadLetters.merge("kafka " + code, n, Integer::sum));
        // Gateway rejections reach the DLQ table through the streaming-events-dlq topic.
        for (String[] c : MalformedInputs.ENVELOPES) {
            expectedDeadLetters.merge("gateway " + c[2], 1, Integer::sum);
        }
        expectedDeadLetters.merge("gateway invalid_json", 1, Integer::sum);

        await().atMost(ARRIVAL)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> clickhouse.countRows("streaming_events") >= accepted + direct);
        assertEquals(accepted + direct, clickhouse.countRows("streaming_events"));

        Set<String> archived = clickhouse.distinctIds("streaming_events", "event_id != ''");
        for (Map.Entry<String, Set<String>> e : acceptedByType.entrySet()) {
            assertTrue(archived.containsAll(e.getValue()), e.getKey() + " ids missing in raw");
        }
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertEveryAcceptedIdIsTyped(clickhouse, acceptedByType));
        await().atMost(ARRIVAL)
                .untilAsserted(
                        () -> assertEquals(expectedDeadLetters, deadLettersByType(clickhouse)));
        Set<String> dlqIds = clickhouse.distinctIds("streaming_events_dlq", "event_id != ''");
        acceptedByType.values().forEach(ids -> dlqIds.forEach(id -> assertTrue(!ids.contains(id))));
    }

    /** Posts each sample file once: as an array, as NDJSON, or object by object. */
    private static Map<String, Set<String>> postAllSamples() throws Exception {
        Map<String, Set<String>> accepted = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : SampleEvents.byType().entrySet()) {
            String type = e.getKey();
            List<String> lines = e.getValue();
            Set<String> ids = new HashSet<>();
            switch (type) {
                case "stream_trace" ->
                        expectAllAccepted(
                                ingest.postNdjson(String.join("\n", lines)), lines.size());
                case "create_new_payment" -> {
                    for (String line : lines) {
                        expectAllAccepted(ingest.postJson(line), 1);
                    }
                }
                default ->
                        expectAllAccepted(
                                ingest.postJson("[" + String.join(",", lines) + "]"), lines.size());
            }
            for (String line : lines) {
                ids.add(JSON.readTree(line).get("id").asText());
            }
            accepted.put(type, ids);
        }
        return accepted;
    }

    private static void expectAllAccepted(IngestClient.Answer answer, int events) {
        assertEquals(202, answer.status(), answer.body().toString());
        assertEquals(events, answer.body().get("accepted").asInt(), answer.body().toString());
        assertEquals(0, answer.body().get("rejected").size(), answer.body().toString());
    }

    /**
     * One batch of envelopes, each breaking one envelope rule of docs/ingest-api.md, plus
     * whole-body errors.
     */
    private static void postMalformedEnvelopesAndExpect4xx() throws Exception {
        List<String[]> cases = MalformedInputs.ENVELOPES;
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < cases.size(); i++) {
            body.append(i == 0 ? "" : ",").append(cases.get(i)[0]);
        }
        IngestClient.Answer answer = ingest.postJson(body.append("]").toString());
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals(0, answer.body().get("accepted").asInt());
        assertEquals(cases.size(), answer.body().get("rejected").size());
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(i, answer.body().get("rejected").get(i).get("index").asInt());
            assertEquals(
                    cases.get(i)[1], answer.body().get("rejected").get(i).get("error").asText());
        }
        IngestClient.Answer broken = ingest.postJson("[{\"id\":\"x\",");
        assertEquals(400, broken.status());
        assertEquals("invalid_json", broken.body().get("error").asText());
        IngestClient.Answer unauthenticated =
                ingest.post("application/json", "{}".getBytes(UTF_8), null);
        assertEquals(401, unauthenticated.status());
    }

    /**
     * go-livepeer may produce straight to Kafka, bypassing the gateway: what it writes wrong must
     * reach the DLQ with the right error_type. Returns error_type → expected count.
     */
    private static Map<String, Integer> produceMalformedRecordsDirectly(EmbeddedKafkaBroker kafka)
            throws Exception {
        String valid = SampleEvents.byType().get("stream_trace").get(0);
        // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
        byte[] broken =
                concat(
                        "{\"id\":\"u1\",\"type\":\"stream_trace\",\"timestamp\":1767225600000,\"data\":{\"x\":\""
                                .getBytes(UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28},
                        "\"}}".getBytes(UTF_8));
        List<byte[]> records =
                List.of(
                        "{not json".getBytes(UTF_8),
                        (valid + valid).getBytes(UTF_8),
                        broken,
                        "{\"id\":\"d1\",\"type\":\"create_signed_ticket\",\"timestamp\":\"1767225600000\",\"gateway\":\"\",\"data\":{\"session_id\":\"s\"}}"
                                .getBytes(UTF_8),
                        "{\"id\":\"d2\",\"type\":\"discovery_results\",\"timestamp\":\"1767225600000\",\"gateway\":\"\",\"data\":[{\"address\":\"0xabc\",\"url\":\"https://o:1\",\"latency_ms\":\"abc\"}]}"
                                .getBytes(UTF_8),
                        "{\"type\":\"stream_trace\",\"timestamp\":\"1767225600000\",\"data\":{}}"
                                .getBytes(UTF_8),
                        "[1,2]".getBytes(UTF_8));
        try (TestProducer producer = TestProducer.connect(kafka)) {
            for (byte[] value : records) {
                producer.send(TOPIC, value);
            }
        }
        return Map.of(
                "invalid_json", 2,
                "invalid_encoding", 1,
                "unknown_event_type", 1,
                "invalid_value", 1,
                "missing_field", 1,
                "invalid_payload", 1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    private static void assertEveryAcceptedIdIsTyped(
            ClickHouseTestServer clickhouse, Map<String, Set<String>> acceptedByType) {
        for (Map.Entry<String, Set<String>> e : acceptedByType.entrySet()) {
            String table = SampleEvents.TYPED_TABLE.get(e.getKey());
            Set<String> typed = clickhouse.distinctIds(table, "1");
            Set<String> missing = new HashSet<>(e.getValue());
            missing.removeAll(typed);
            assertTrue(missing.isEmpty(), table + " lacks accepted events " + missing);
        }
    }

    /** "source error_type" → rows in the DLQ table. */
    private static Map<String, Integer> deadLettersByType(ClickHouseTestServer clickhouse) {
        Map<String, Integer> counts = new TreeMap<>();
        String tsv =
                clickhouse.query(
                        "SELECT concat(source, ' ', error_type), count()"
                                + " FROM livepeer_analytics.streaming_events_dlq"
                                + " GROUP BY source, error_type FORMAT TabSeparated");
        for (String line : tsv.split("\n")) {
            if (!line.isBlank()) {
                String[] cols = line.split("\t");
                counts.put(cols[0], Integer.parseInt(cols[1]));
            }
        }
        return counts;
    }
}
