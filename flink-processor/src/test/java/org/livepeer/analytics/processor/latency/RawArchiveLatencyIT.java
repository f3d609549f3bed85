package org.livepeer.analytics.processor.latency;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.processor.JobUnderTest;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithClickHouse;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;
import org.livepeer.analytics.wire.WireHeaders;

/**
 * The latency columns of the raw archive (V016) through the real job: records sent as the ingest
 * gateway sends them (with {@code source} and {@code received_at} headers) get their receive time,
 * records of a direct producer (no headers) and one with a malformed {@code received_at} get 0;
 * every row has its Kafka record time, and processing and insert times in that order. Then the
 * shipped latency query, on this clickhouse-server (the 18.16 floor), counts only the first kind.
 */
@WithKafka
@WithClickHouse
class RawArchiveLatencyIT {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final String TOPIC = "latency-events";
    private static final String QUERY = "pipeline_latency_per_minute.sql";
    private static final Duration ARRIVAL = Duration.ofSeconds(45);

    private JobClient job;

    @AfterEach
    void cancelJob() throws Exception {
        if (job != null) {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(180)
    void gatewayRecordsCarryTheirReceiveTimeAndDirectOnesZero(
            EmbeddedKafkaBroker kafka, ClickHouseTestServer clickhouse, @TempDir Path checkpoints)
            throws Exception {
        kafka.createTopic(TOPIC, 1, Map.of());
        job =
                JobUnderTest.on(kafka.bootstrapServers(), TOPIC, clickhouse.process(), checkpoints)
                        .with("PROCESSOR_STARTING_OFFSETS", "earliest")
                        .with("SINK_BATCH_MAX_DELAY_MS", "200")
                        .start();

        // Event id -> the received_at header sent (null: none, a direct producer).
        Map<String, String> sent = new LinkedHashMap<>();
        long before = System.currentTimeMillis();
        try (TestProducer producer = TestProducer.connect(kafka)) {
            for (int i = 0; i < 3; i++) {
                sent.put("lat-gw-" + i, Long.toString(System.currentTimeMillis()));
            }
            sent.put("lat-direct-0", null);
            sent.put("lat-direct-1", null);
            sent.put("lat-malformed", "1767225600123.0");
            for (Map.Entry<String, String> e : sent.entrySet()) {
                producer.send(record(e.getKey(), e.getValue()));
            }
        }
        long after = System.currentTimeMillis();

        await().atMost(ARRIVAL)
                .until(() -> clickhouse.count("streaming_events", "event_id LIKE 'lat-%'") == 6);
        Map<String, long[]> rows = rows(clickhouse);
        assertEquals(sent.keySet(), rows.keySet());
        for (Map.Entry<String, String> e : sent.entrySet()) {
            long[] t = rows.get(e.getKey());
            long received = t[0];
            long kafkaTs = t[1];
            long processed = t[2];
            long inserted = t[3];
            String id = e.getKey();
            boolean gateway = id.startsWith("lat-gw-");
            assertEquals(gateway ? Long.parseLong(e.getValue()) : 0L, received, id);
            assertTrue(kafkaTs >= before && kafkaTs <= after, id + " kafka_ts_ms " + kafkaTs);
            assertTrue(!gateway || received <= kafkaTs, id + " received before sent to Kafka");
            assertTrue(processed >= kafkaTs, id + " processed after Kafka");
            assertTrue(inserted >= processed, id + " inserted after processed");
            assertTrue(inserted <= System.currentTimeMillis(), id + " inserted before now");
        }

        // The shipped query: only the three gateway records have a receive time.
        String answer = clickhouse.query(shippedQuery());
        assertFalse(answer.isBlank(), "the latency query returned no rows");
        long events = 0;
        for (String line : answer.split("\n")) {
            String[] cols = line.split("\t");
            assertEquals(14, cols.length, line);
            events += Long.parseLong(cols[1]);
            long totalP50 = Long.parseLong(cols[11]);
            long totalP99 = Long.parseLong(cols[13]);
            assertTrue(totalP50 >= 0 && totalP99 >= totalP50, line);
        }
        assertEquals(3, events, answer);
        System.out.printf("[latency] %s", answer);
    }

    private static ProducerRecord<byte[], byte[]> record(String id, String receivedAt) {
        String value =
                "{\"id\":\""
                        + id
                        + "\",\"type\":\"stream_trace\",\"timestamp\":\""
                        + System.currentTimeMillis()
                        + "\",\"gateway\":\"\",\"data\":{\"type\":\"gateway_receive_stream_request\","
                        + "\"stream_id\":\"s1\",\"request_id\":\"r1\",\"pipeline_id\":\"\","
                        + "\"orchestrator_info\":{\"address\":\"\",\"url\":\"\"},\"timestamp\":"
                        + System.currentTimeMillis()
                        + "}}";
        RecordHeaders headers = new RecordHeaders();
        if (receivedAt != null) {
            headers.add(WireHeaders.RECEIVED_AT, receivedAt.getBytes(StandardCharsets.UTF_8));
            headers.add(WireHeaders.SOURCE, "edge-1".getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(
                TOPIC,
                null,
                id.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /** Event id -> received, kafka, processed, inserted (ms). */
    private static Map<String, long[]> rows(ClickHouseTestServer clickhouse) {
        String tsv =
                clickhouse.query(
                        "SELECT event_id, received_ts_ms, kafka_ts_ms, processed_ts_ms,"
                                + " inserted_ts_ms FROM livepeer_analytics.streaming_events"
                                + " WHERE event_id LIKE 'lat-%' FORMAT TabSeparated");
        Map<String, long[]> out = new HashMap<>();
        for (String line : tsv.split("\n")) {
            if (!line.isBlank()) {
                String[] c = line.split("\t");
                out.put(
                        c[0],
                        new long[] {
                            Long.parseLong(c[1]),
                            Long.parseLong(c[2]),
                            Long.parseLong(c[3]),
                            Long.parseLong(c[4])
                        });
            }
        }
        return out;
    }

    /**
     * The shipped query file with its parameters' defaults written in as literals, as 18.16 has no
     * query parameters. Tests run in the module's folder; the queries are a sibling folder.
     */
    private static String shippedQuery() throws IOException {
        Path file = Path.of("..", "clickhouse", "queries", QUERY);
        assertTrue(Files.isRegularFile(file), "not found: " + file.toAbsolutePath());
        return Files.readString(file, StandardCharsets.UTF_8)
                .replace("{from_ms:UInt64}", "0")
                .replace("{to_ms:UInt64}", "4102444800000");
    }
}
