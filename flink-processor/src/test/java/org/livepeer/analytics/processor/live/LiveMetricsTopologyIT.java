package org.livepeer.analytics.processor.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.rows.AiStreamStatusRow;
import org.livepeer.analytics.event.rows.StreamIngestMetricsRow;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.processor.PipelineTopology;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.EventSource;
import org.livepeer.analytics.processor.source.KafkaEvent;
import org.livepeer.analytics.processor.source.KafkaEventDeserializer;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;

/**
 * Events in {@code streaming-events}, keyed as the ingest gateway keys them → the job's router (one
 * parse, deduplication) → live branch on a MiniCluster at parallelism 2 → messages in live-metrics.
 */
@WithKafka
class LiveMetricsTopologyIT {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final String EVENTS = "streaming-events";
    private static final String LIVE = "live-metrics";
    private static final String ORCH_A = "0xaaaa000000000000000000000000000000000001";
    private static final String ORCH_B = "0xbbbb000000000000000000000000000000000002";
    private static final long WINDOW_MS = 2_000;

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private JobClient job;
    private Thread consumer;

    @AfterEach
    void stop() throws Exception {
        consuming.set(false);
        if (consumer != null) {
            consumer.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (job != null) {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void windowsPerNetworkOrchestratorAndPipelineWithLateUpdates(EmbeddedKafkaBroker broker)
            throws Exception {
        broker.createTopic(EVENTS, 3, Map.of());
        broker.createTopic(LIVE, 1, Map.of());
        startJob(broker);
        startConsumer(broker);
        try (TestProducer producer = TestProducer.connect(broker)) {
            long lastWarmUp = awaitFirstWindow(producer);
            // The batch's window starts after the last warm-up event's, so none of those is in it.
            long t = lastWarmUp - Math.floorMod(lastWarmUp, WINDOW_MS) + WINDOW_MS;
            List<String> batch = batch(t);
            String retried = sendWithARetriedCopy(producer, batch);
            // Beyond the 1 s lag + 3 s allowed lateness: counted late, in no window.
            long stale = t - 60_000;
            send(producer, LiveEvents.error("stale", "p", stale));
            producer.send(EVENTS, "bad", "{not json");

            JsonNode net = awaitWindow("network", "", t, 0);
            // The unreadable record may fall in this window or the next (wall-clock time).
            assertEquals(
                    batch.size(),
                    net.at("/events/total").asLong() - net.at("/events/invalid").asLong(),
                    net.toString());
            assertEquals(4, net.at("/events/by_type/ai_stream_status").asLong());
            assertEquals(3, net.at("/streams/active").asLong());
            assertEquals(1, net.at("/streams/degraded").asLong());
            assertEquals(1, net.at("/streams/error").asLong());
            assertEquals(4, net.at("/output_fps/samples").asLong());
            assertEquals(5.0, net.at("/output_fps/min").asDouble());
            assertEquals(2, net.at("/restarts").asLong());
            assertEquals(1, net.at("/errors").asLong());
            assertEquals(1200.0, net.at("/startup_latency_ms/p50").asDouble());
            assertEquals(1.5, net.at("/ingest/packet_loss_pct/max").asDouble());

            JsonNode a = awaitWindow("orchestrator", ORCH_A, t, 0);
            assertEquals(2, a.at("/streams/active").asLong(), a.toString());
            assertEquals(25.0, a.at("/output_fps/avg").asDouble());
            assertEquals(1200.0, a.at("/startup_latency_ms/max").asDouble());
            JsonNode b = awaitWindow("orchestrator", ORCH_B, t, 0);
            assertEquals(1, b.at("/streams/error").asLong(), b.toString());
            JsonNode pipe = awaitWindow("pipeline", "sdxl", t, 0);
            assertEquals(1, pipe.at("/errors").asLong(), pipe.toString());
            assertTypedOnce(retried, batch.get(S1_LAST));

            // The window has closed; a late status within the allowed lateness re-emits it.
            send(producer, LiveEvents.status("s4", ORCH_B, "sdxl", "ONLINE", 12, 0, t));
            JsonNode revised = awaitWindow("network", "", t, 1);
            assertEquals(
                    batch.size() + 1,
                    revised.at("/events/total").asLong() - revised.at("/events/invalid").asLong());
            assertEquals(4, revised.at("/streams/active").asLong());

            // An unreadable record counts at the wall-clock time it was read.
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    received.stream()
                                            .filter(m -> m.path("scope").asText().equals("network"))
                                            .anyMatch(m -> m.at("/events/invalid").asLong() == 1));
            long staleStart = stale - Math.floorMod(stale, WINDOW_MS);
            assertTrue(
                    received.stream()
                            .noneMatch(m -> m.path("window_start_ms").asLong() == staleStart),
                    "the stale event must not open a window");
        }
    }

    /**
     * Warm-up: once a window is out, the job reads promptly. A fresh event each second: on a busy
     * machine the first ones may reach the windows after their lateness bound.
     *
     * @return the timestamp of the last warm-up event sent
     */
    private long awaitFirstWindow(TestProducer producer) {
        AtomicLong lastSent = new AtomicLong();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            lastSent.set(System.currentTimeMillis());
                            send(producer, LiveEvents.error("warm", "p", lastSent.get()));
                            return !received.isEmpty();
                        });
        return lastSent.get();
    }

    /** The index of s1's last event in {@link #batch}. */
    private static final int S1_LAST = 7;

    private static List<String> batch(long t) {
        List<String> events = new ArrayList<>();
        events.add(LiveEvents.status("s1", ORCH_A, "sdxl", "ONLINE", 30, 1, t));
        events.add(LiveEvents.status("s1", ORCH_A, "sdxl", "ONLINE", 25, 3, t + 1));
        events.add(LiveEvents.status("s2", ORCH_A, "noop", "DEGRADED_INPUT", 20, 0, t));
        events.add(LiveEvents.status("s3", ORCH_B, "sdxl", "ERROR", 5, 0, t));
        events.add(LiveEvents.error("s3", "sdxl", t));
        events.add(LiveEvents.trace("s1", "", StreamStateTracker.REQUEST_EDGE, t - 1_200, t));
        events.add(LiveEvents.trace("s1", ORCH_A, StreamStateTracker.FIRST_OUTPUT_EDGE, t, t));
        events.add(LiveEvents.ingest("s1", 1.5, 12.0, t));
        events.add(LiveEvents.ingest("s2", 0.5, 30.0, t));
        return events;
    }

    /**
     * Sends {@code batch} and a retry of s1's first status (same id) right after s1's second: in
     * s1's partition, before s1's later events, so had the copy been counted, the window and the
     * typed rows would hold it.
     *
     * @return the event sent twice
     */
    private static String sendWithARetriedCopy(TestProducer producer, List<String> batch)
            throws Exception {
        String retried = batch.get(0);
        for (int i = 0; i < batch.size(); i++) {
            send(producer, batch.get(i));
            if (i == 1) {
                send(producer, retried);
            }
        }
        return retried;
    }

    /**
     * {@code retried} has one typed row. Checked once the typed row of {@code later}, an event of
     * the same stream sent after the copy, is in: the copy's row would have come first.
     */
    private static void assertTypedOnce(String retried, String later) {
        String retriedId = "\"event_id\":\"" + id(retried) + "\"";
        String laterId = "\"event_id\":\"" + id(later) + "\"";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> typedRows(StreamIngestMetricsRow.TABLE, laterId) == 1);
        assertEquals(1, typedRows(AiStreamStatusRow.TABLE, retriedId));
    }

    private static long typedRows(String table, String eventId) {
        return TypedRowsSink.ROWS.stream()
                .filter(r -> r.table.equals(table) && r.json.contains(eventId))
                .count();
    }

    private JsonNode awaitWindow(String scope, String key, long t, int revision) {
        long start = t - Math.floorMod(t, WINDOW_MS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> find(scope, key, start, revision).isPresent());
        return find(scope, key, start, revision).orElseThrow();
    }

    private Optional<JsonNode> find(String scope, String key, long start, int revision) {
        return received.stream()
                .filter(
                        m ->
                                m.path("scope").asText().equals(scope)
                                        && m.path("key").asText().equals(key)
                                        && m.path("window_start_ms").asLong() == start
                                        && m.path("revision").asInt() == revision)
                .findFirst();
    }

    private void startJob(EmbeddedKafkaBroker broker) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.getConfig().setAutoWatermarkInterval(100);
        KafkaSource<KafkaEvent> source =
                KafkaSource.<KafkaEvent>builder()
                        .setBootstrapServers(broker.bootstrapServers())
                        .setTopics(EVENTS)
                        .setGroupId("live-it")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new KafkaEventDeserializer())
                        .build();
        PipelineTopology.build(
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "events"),
                env.fromSource(
                        EventSource.gatewayRejections(
                                ProcessorConfig.fromEnv(
                                        Map.of(
                                                "KAFKA_BOOTSTRAP_SERVERS",
                                                broker.bootstrapServers(),
                                                "DLQ_TOPIC",
                                                "live-it-gateway-dlq"))),
                        WatermarkStrategy.noWatermarks(),
                        "gateway-dlq"),
                new TypedRowsSink(),
                LiveMetricsSink.create(broker.bootstrapServers(), Map.of(), LIVE),
                Duration.ofHours(1),
                new LiveMetricsConfig(true, LIVE, WINDOW_MS, 1_000, 3_000));
        job = env.executeAsync("live-metrics-it");
    }

    private void startConsumer(EmbeddedKafkaBroker broker) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "live-it-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer =
                new Thread(
                        () -> {
                            try (KafkaConsumer<String, String> c =
                                    new KafkaConsumer<>(
                                            config,
                                            new StringDeserializer(),
                                            new StringDeserializer())) {
                                c.subscribe(List.of(LIVE));
                                while (consuming.get()) {
                                    c.poll(Duration.ofMillis(200))
                                            .forEach(r -> received.add(parse(r.value())));
                                }
                            }
                        },
                        "live-metrics-reader");
        consumer.start();
    }

    private static JsonNode parse(String json) {
        try {
            return StrictJson.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("live-metrics carries JSON only: " + json, e);
        }
    }

    /** Keyed as the ingest gateway keys: by {@code data.stream_id}, else by the event id. */
    private static void send(TestProducer producer, String json) throws Exception {
        JsonNode event = parse(json);
        String stream = event.at("/data/stream_id").asText("");
        String key = stream.isEmpty() ? event.path("id").asText() : stream;
        producer.send(EVENTS, key, json);
    }

    private static String id(String json) {
        return parse(json).path("id").asText();
    }

    /** Collects the rows bound for ClickHouse; the MiniCluster runs in this JVM. */
    private static final class TypedRowsSink implements Sink<SinkRow> {

        private static final long serialVersionUID = 1L;

        static final Queue<SinkRow> ROWS = new ConcurrentLinkedQueue<>();

        @Override
        public SinkWriter<SinkRow> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(SinkRow row, Context writeContext) {
                    ROWS.add(row);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
