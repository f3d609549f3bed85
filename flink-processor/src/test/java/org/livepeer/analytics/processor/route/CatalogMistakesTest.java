package org.livepeer.analytics.processor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.processor.route.TestEvents.errorType;
import static org.livepeer.analytics.processor.route.TestEvents.first;
import static org.livepeer.analytics.processor.route.TestEvents.route;
import static org.livepeer.analytics.processor.route.TestEvents.rows;
import static org.livepeer.analytics.processor.route.TestEvents.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.processor.source.EventSource;

/**
 * One test per mistake of the reference implementation listed in docs/events.md §11, run through
 * the processor's router exactly as the job runs it. Field-level parser rules have more cases in
 * event-model ({@code ParserRejectionTest}, {@code DerivedEventsTest}, {@code SamplesParseTest}).
 */
class CatalogMistakesTest {

    /** §11.1: fees were always 0 because "N WEI" / "x ETH" went through toFloat64OrZero. */
    @Test
    void feesAreExactWeiFromBothWeiAndEth() {
        ObjectNode wei = first("create_new_payment");
        JsonNode row = rows(route(wei), "payment_events").get(0);
        assertEquals(
                new BigInteger("2402400000000000"), row.get("face_value_wei").bigIntegerValue());

        ObjectNode eth = set(first("create_new_payment"), "/data/faceValue", "\"0.0125 ETH\"");
        row = rows(route(eth), "payment_events").get(0);
        assertEquals(
                new BigInteger("12500000000000000"), row.get("face_value_wei").bigIntegerValue());
    }

    /** §11.1: payments join to streams by request id, which is empty on follow-up payments. */
    @Test
    void paymentsWithAnEmptyRequestIdAreStillTyped() {
        ObjectNode event = set(first("create_new_payment"), "/data/requestID", "\"\"");
        List<JsonNode> rows = rows(route(event), "payment_events");
        assertEquals(1, rows.size());
        assertEquals("01b55632", rows.get(0).get("session_id").asText());
    }

    /** §11.2: int64 prices, capacity above 255 and big byte counters must not wrap. */
    @Test
    void int64PricesAndCapacitiesAboveAByteKeepTheirValue() {
        ObjectNode caps = first("network_capabilities");
        set(caps, "/data/0/capabilities_prices/0/pricePerUnit", "9223372036854775807");
        set(
                caps,
                "/data/0/capabilities/constraints/PerCapability/35/models/"
                        + "streamdiffusion-sdxl-faceid/capacity",
                "384");
        Routed routed = route(caps);
        assertNull(errorType(routed));
        assertEquals(
                Long.MAX_VALUE,
                rows(routed, "network_capability_prices").get(0).get("price_per_unit").longValue());
        assertTrue(
                rows(routed, "network_capability_models").stream()
                        .anyMatch(r -> r.get("capacity").longValue() == 384),
                "capacity 384 kept");
    }

    /** §11.2: packets_lost can be negative (signed column); BytesReceived beyond 32 bits. */
    @Test
    void negativePacketsLostAndLargeBytesReceivedAreKept() {
        ObjectNode ingest = first("stream_ingest_metrics");
        set(ingest, "/data/stats/track_stats/0/packets_lost", "-3");
        set(ingest, "/data/stats/peer_conn_stats/BytesReceived", "9000000000000");
        JsonNode row = rows(route(ingest), "stream_ingest_metrics").get(0);
        assertEquals(-3, row.get("video_packets_lost").longValue());
        assertEquals(9_000_000_000_000L, row.get("bytes_received").longValue());
    }

    /** §11.3: seconds, microseconds, negative or fractional timestamps were accepted. */
    @ParameterizedTest
    @ValueSource(
            strings = {"1767908955", "1767908955607000", "-1767908955607", "1767908955607.5", "0"})
    void lenientEnvelopeTimestampsAreDeadLettered(String timestamp) {
        ObjectNode event = set(first("ai_stream_status"), "/timestamp", timestamp);
        Routed routed = route(event);
        assertEquals("invalid_value", errorType(routed));
        assertTrue(TestEvents.errorMessage(routed).startsWith("timestamp "));
        assertTrue(routed.typed().isEmpty());
        assertEquals(0, TestEvents.tree(routed.raw().json).get("event_ts_ms").longValue());
    }

    /** §11.4: readTree stopped after the first value, silently losing a second event. */
    @Test
    void trailingDataIsDeadLetteredNotIgnored() {
        String one = TestEvents.lines("ai_stream_status").get(0);
        Routed routed = route(one + one);
        assertEquals("invalid_json", errorType(routed));
        assertTrue(routed.typed().isEmpty());
        assertEquals(one + one, TestEvents.tree(routed.raw().json).get("payload").asText());
    }

    /** §11.5: runner-forwarded ai_stream_events have no pipeline and are valid. */
    @Test
    void runnerForwardedEventsWithoutPipelineAreTyped() {
        ObjectNode event = first("ai_stream_events");
        ((ObjectNode) event.get("data")).remove("pipeline");
        Routed routed = route(event);
        assertNull(errorType(routed));
        assertEquals(1, rows(routed, "ai_stream_events").size());
    }

    /** §11.5: a snapshot whose orchestrators all lack hardware is valid, with no DLQ record. */
    @Test
    void capabilitySnapshotWithoutHardwareIsTypedWithoutDeadLetters() {
        ObjectNode caps = first("network_capabilities");
        for (JsonNode orch : caps.get("data")) {
            ((ObjectNode) orch).putNull("hardware");
        }
        Routed routed = route(caps);
        assertNull(errorType(routed));
        assertEquals(caps.get("data").size(), rows(routed, "network_capabilities").size());
        assertEquals(0, rows(routed, "network_capability_hardware").size());
    }

    /** §11.6: wrong-typed nested values became 0 or "" instead of errors. */
    @Test
    void wrongTypedNestedValuesAreInvalidValuesNotDefaults() {
        Map<String, String> cases =
                Map.of(
                        "ai_stream_status:/data/inference_status", "\"x\"",
                        "discovery_results:/data/0/latency_ms", "\"abc\"",
                        "stream_ingest_metrics:/data/stats/track_stats/0/jitter", "\"10\"");
        cases.forEach(
                (where, value) -> {
                    String[] parts = where.split(":", 2);
                    Routed routed = route(set(first(parts[0]), parts[1], value));
                    String path = parts[1].substring(1).replace('/', '.').replace(".0", "[0]");
                    assertEquals("invalid_value", errorType(routed), where);
                    assertTrue(
                            TestEvents.errorMessage(routed).startsWith(path + ": "),
                            where + ": " + TestEvents.errorMessage(routed));
                    assertTrue(routed.typed().isEmpty(), where);
                });
    }

    /** §11.6: last_error_time was never mapped. */
    @Test
    void lastErrorTimeIsMapped() {
        ObjectNode status = first("ai_stream_status");
        set(status, "/data/inference_status/last_error", "\"boom\"");
        set(status, "/data/inference_status/last_error_time", "1767908950000");
        JsonNode row = rows(route(status), "ai_stream_status").get(0);
        assertEquals("boom", row.get("last_error").asText());
        assertEquals(1_767_908_950_000L, row.get("last_error_time_ms").longValue());
    }

    /** §11.7: no "first model / first price" fallback attaches another model's data to a row. */
    @Test
    void noFirstModelOrFirstPriceFallback() {
        ObjectNode caps = first("network_capabilities");
        set(caps, "/data/0/hardware/0/model_id", "\"a-model-nobody-advertises\"");
        set(caps, "/data/0/capabilities_prices", "[]");
        Routed routed = route(caps);
        assertNull(errorType(routed));
        List<JsonNode> hardware = rows(routed, "network_capability_hardware");
        assertEquals("a-model-nobody-advertises", hardware.get(0).get("model_id").asText());
        assertTrue(
                rows(routed, "network_capability_prices").stream()
                        .noneMatch(r -> r.get("position").intValue() == 0),
                "no price borrowed for an orchestrator that lists none");
        assertTrue(
                rows(routed, "network_capability_models").stream()
                        .noneMatch(
                                r ->
                                        r.get("model_id")
                                                .asText()
                                                .equals("a-model-nobody-advertises")),
                "no model row invented from hardware");
    }

    /** §11.8: FPS kept as Float32 and rtt (ns) without unit conversion. */
    @Test
    void fpsIsNotNarrowedAndRttIsConvertedToMilliseconds() {
        ObjectNode status = first("ai_stream_status");
        double fps = status.at("/data/inference_status/fps").doubleValue();
        JsonNode row = rows(route(status), "ai_stream_status").get(0);
        assertEquals(fps, row.get("output_fps").doubleValue());
        assertNotEquals((double) (float) fps, row.get("output_fps").doubleValue());

        ObjectNode ingest =
                set(first("stream_ingest_metrics"), "/data/stats/track_stats/0/rtt", "2500000");
        JsonNode ingestRow = rows(route(ingest), "stream_ingest_metrics").get(0);
        assertEquals(2.5, ingestRow.get("video_rtt_ms").doubleValue(), 1e-9);
    }

    /** §11.8: typed rows do not repeat the raw JSON (the raw archive has it once). */
    @Test
    void typedRowsDoNotCarryTheRawJson() {
        Routed routed = route(first("ai_stream_status"));
        for (var row : routed.typed()) {
            assertFalse(row.json.contains("\"raw_json\""), row.table);
            assertFalse(row.json.contains("\"payload\""), row.table);
        }
    }

    /** §11.9: oversized rows were logged and dropped; here they are routed like any other. */
    @Test
    void anOversizedEventIsNeverDropped() {
        ObjectNode event = first("ai_stream_events");
        String huge = "x".repeat(3 * 1024 * 1024);
        set(event, "/data/message", "\"" + huge + "\"");
        byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
        Routed routed = route(bytes);
        assertNull(errorType(routed));
        assertEquals(1, rows(routed, "ai_stream_events").size());
        assertTrue(routed.typed().get(0).json.contains(huge));
        assertTrue(routed.raw().json.length() > huge.length());
    }

    /** §11.10: replays re-read the topic from the earliest offset on every start. */
    @Test
    void theSourceStartsFromCommittedOffsetsByDefault() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of());
        assertEquals(
                ProcessorConfig.StartingOffsets.COMMITTED_OR_EARLIEST, config.startingOffsets());
        OffsetsInitializer initializer = EventSource.startingOffsets(config.startingOffsets());
        TopicPartition partition = new TopicPartition("streaming-events", 0);
        Map<TopicPartition, Long> offsets =
                initializer.getPartitionOffsets(List.of(partition), null);
        assertEquals(
                KafkaPartitionSplit.COMMITTED_OFFSET,
                offsets.get(partition),
                "committed offsets first, earliest only when the group has none");
    }

    /** §11.11: numeric time fields read as strings became NULL or epoch 0. */
    @Test
    void numericStartTimeIsKeptInMilliseconds() {
        ObjectNode status = first("ai_stream_status");
        long start = status.at("/data/start_time").longValue();
        JsonNode row = rows(route(status), "ai_stream_status").get(0);
        assertTrue(start > 0);
        assertEquals(start, row.get("start_time_ms").longValue());
    }

    /** §11.11: kafka_skip_broken_messages dropped malformed messages without a record. */
    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[1,2]", "{\"id\":\"x\"}"})
    void brokenMessagesAreArchivedAndDeadLettered(String value) {
        Routed routed = route(value);
        assertTrue(routed.typed().isEmpty());
        assertTrue(errorType(routed) != null && !errorType(routed).isEmpty());
        assertEquals(value, TestEvents.tree(routed.raw().json).get("payload").asText());
    }
}
