package org.livepeer.analytics.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.processor.live.LiveMetricsConfig;
import org.livepeer.analytics.processor.route.EventRouter;
import org.livepeer.analytics.processor.row.ProcessorTables;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.GatewayRejection;
import org.livepeer.analytics.processor.source.KafkaEvent;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;

/**
 * The job's real topology ({@link PipelineTopology}, as {@link ProcessorJob} wires it) on a
 * MiniCluster, fed every real sample event, a retried copy, malformed records and gateway
 * rejections, with collecting sinks in place of ClickHouse and Kafka: every record is archived,
 * every valid event typed once, every bad one dead-lettered with its error type, and the live
 * windows emit.
 */
class PipelineTopologyIT {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final String TOPIC = "streaming-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<KafkaEvent> inputs = new ArrayList<>();
    private final Map<Long, String> expectedErrors = new TreeMap<>();

    @Test
    void everyRecordIsArchivedAndTypedOnceOrDeadLetteredAndTheLiveWindowsEmit() throws Exception {
        List<String> samples = SampleFiles.all();
        samples.forEach(s -> add(s.getBytes(UTF_8)));
        add(samples.get(0).getBytes(UTF_8)); // a retried copy: archived again, typed once
        addMalformed();
        List<GatewayRejection> rejections =
                List.of(
                        rejection(0, "missing_field:id", "id is required"),
                        rejection(1, null, null));

        Collect<SinkRow> rows = new Collect<>("rows", SinkRow.class);
        Collect<String> live = new Collect<>("live", String.class);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(FlinkMiniCluster.SLOTS);
        PipelineTopology.build(
                env.fromData(inputs, TypeInformation.of(KafkaEvent.class)),
                env.fromData(rejections, TypeInformation.of(GatewayRejection.class)),
                rows,
                live,
                Duration.ofHours(1),
                LiveMetricsConfig.fromEnv(Map.of("LIVE_METRICS_WINDOW_MS", "1000")));
        env.execute("pipeline-topology-it");

        Map<String, List<SinkRow>> byTable =
                rows.items().stream().collect(Collectors.groupingBy(r -> r.table));
        assertEveryRecordArchivedOnce(byTable.remove(ProcessorTables.RAW_ARCHIVE));
        assertDeadLetters(byTable.remove(ProcessorTables.DEAD_LETTERS));
        assertEachSampleTypedOnce(samples, byTable);
        assertLiveMessages(live.items());
    }

    private void assertEveryRecordArchivedOnce(List<SinkRow> raw) {
        Map<Long, Long> copiesByOffset =
                raw.stream()
                        .collect(Collectors.groupingBy(r -> r.kafkaOffset, Collectors.counting()));
        assertEquals(inputs.size(), raw.size());
        assertEquals(inputs.size(), copiesByOffset.size(), "one raw row per record");
        for (KafkaEvent in : inputs) {
            assertTrue(copiesByOffset.containsKey(in.offset), "offset " + in.offset);
        }
        for (SinkRow row : raw) {
            String payload = tree(row.json).get("payload").asText();
            assertEquals(
                    new String(inputs.get((int) row.kafkaOffset).value, UTF_8),
                    payload,
                    "the archive keeps the record as received");
        }
    }

    private void assertDeadLetters(List<SinkRow> dlq) {
        Map<Long, String> processorErrors = new TreeMap<>();
        Map<String, String> gatewayErrors = new TreeMap<>();
        for (SinkRow row : dlq) {
            JsonNode r = tree(row.json);
            assertFalse(r.get("error_message").asText().isEmpty(), row.json);
            if (r.get("source").asText().equals("gateway")) {
                gatewayErrors.put(r.get("kafka_offset").asText(), r.get("error_type").asText());
            } else {
                processorErrors.put(r.get("kafka_offset").asLong(), r.get("error_type").asText());
            }
        }
        assertEquals(expectedErrors, processorErrors, "no sample dead-lettered, each bad one once");
        assertEquals(Map.of("0", "missing_field", "1", "invalid_payload"), gatewayErrors);
        assertEquals(expectedErrors.size() + 2, dlq.size());
    }

    /** The typed rows are exactly what the router makes of each sample, once each. */
    private static void assertEachSampleTypedOnce(
            List<String> samples, Map<String, List<SinkRow>> typed) {
        EventRouter router = new EventRouter();
        Map<String, Long> expected = new HashMap<>();
        for (String sample : samples) {
            KafkaEvent event = new KafkaEvent(sample.getBytes(UTF_8), TOPIC, 0, 0, null);
            for (SinkRow row : router.route(event, 0L).typed()) {
                expected.merge(row.table + " " + row.json, 1L, Long::sum);
            }
        }
        Map<String, Long> actual =
                typed.values().stream()
                        .flatMap(List::stream)
                        .collect(
                                Collectors.groupingBy(
                                        r -> r.table + " " + r.json, Collectors.counting()));
        assertEquals(expected, actual);
    }

    private static void assertLiveMessages(List<String> messages) {
        assertFalse(messages.isEmpty(), "the live windows emitted");
        long invalid = 0;
        for (String message : messages) {
            JsonNode m = tree(message);
            assertTrue(m.has("window_start_ms") && m.has("scope"), message);
            invalid = Math.max(invalid, m.path("events").path("invalid").asLong());
        }
        assertTrue(invalid > 0, "dead letters count as invalid traffic: " + messages);
    }

    private void addMalformed() {
        ObjectNode trace = tree(SampleFiles.lines("stream_trace").get(0));
        bad("{\"id\":\"x\",".getBytes(UTF_8), "invalid_json");
        byte[] badUtf8 = "{\"id\":\"\u00e9\"}".getBytes(UTF_8);
        badUtf8[badUtf8.length - 3] = '(';
        bad(badUtf8, "invalid_encoding");
        bad("[1,2]".getBytes(UTF_8), "invalid_payload");
        ObjectNode unknown = trace.deepCopy().put("id", "u1").put("type", "made_up_type");
        bad(unknown.toString().getBytes(UTF_8), "unknown_event_type");
        ObjectNode noId = trace.deepCopy();
        noId.remove("id");
        bad(noId.toString().getBytes(UTF_8), "missing_field");
        ObjectNode noStream = trace.deepCopy().put("id", "m1");
        ((ObjectNode) noStream.get("data")).remove("stream_id");
        bad(noStream.toString().getBytes(UTF_8), "missing_field");
        ObjectNode badLatency = tree(SampleFiles.lines("discovery_results").get(0)).put("id", "v1");
        ((ObjectNode) badLatency.get("data").get(0)).put("latency_ms", "abc");
        bad(badLatency.toString().getBytes(UTF_8), "invalid_value");
        bad(
                trace.deepCopy()
                        .put("id", "t1")
                        .put("timestamp", "soon")
                        .toString()
                        .getBytes(UTF_8),
                "invalid_value");
    }

    private void add(byte[] value) {
        inputs.add(new KafkaEvent(value, TOPIC, 0, inputs.size(), null));
    }

    private void bad(byte[] value, String errorType) {
        expectedErrors.put((long) inputs.size(), errorType);
        add(value);
    }

    private static GatewayRejection rejection(long offset, String errorType, String message) {
        GatewayRejection r = new GatewayRejection();
        r.value = ("{\"rejected\":" + offset + "}").getBytes(UTF_8);
        r.topic = "streaming-events-dlq";
        r.offset = offset;
        r.errorType = errorType;
        r.errorMessage = message;
        return r;
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects what reaches it in this JVM (the MiniCluster's), by name. */
    private static final class Collect<T> implements Sink<T> {

        private static final long serialVersionUID = 1L;
        private static final Map<String, Queue<Object>> OUT = new ConcurrentHashMap<>();

        private final String name;
        private final Class<T> type;

        Collect(String name, Class<T> type) {
            this.name = name;
            this.type = type;
            OUT.put(name, new ConcurrentLinkedQueue<>());
        }

        List<T> items() {
            return OUT.get(name).stream().map(type::cast).toList();
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            Queue<Object> into = OUT.get(name);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context writeContext) {
                    into.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
