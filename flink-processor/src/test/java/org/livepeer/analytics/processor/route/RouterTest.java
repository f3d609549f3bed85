package org.livepeer.analytics.processor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.GatewayRejection;

class RouterTest {

    @Test
    void everySampleBecomesTypedRowsAndOneRawRow() {
        int samples = 0;
        for (String type : SampleFiles.TYPES) {
            for (String line : TestEvents.lines(type)) {
                Routed routed = TestEvents.route(line);
                assertNull(TestEvents.errorType(routed), line);
                assertTrue(routed.typed().size() >= 1);
                assertEquals("streaming_events", routed.raw().table);
                assertEquals(7, routed.typed().get(0).kafkaOffset, "rows know their origin");
                samples++;
            }
        }
        assertEquals(62, samples);
    }

    @Test
    void unknownEventTypesAreArchivedAndDeadLettered() {
        String event =
                "{\"id\":\"u1\",\"type\":\"brand_new_type\",\"timestamp\":1767908955607,"
                        + "\"data\":{\"x\":1}}";
        Routed routed = TestEvents.route(event);
        assertEquals("unknown_event_type", TestEvents.errorType(routed));
        JsonNode raw = TestEvents.tree(routed.raw().json);
        assertEquals("brand_new_type", raw.get("event_type").asText());
        assertEquals(event, raw.get("payload").asText());
        JsonNode dlq = TestEvents.tree(routed.deadLetter().json);
        assertEquals("u1", dlq.get("event_id").asText());
        assertEquals(event, dlq.get("raw_json").asText());
    }

    @Test
    void gatewayRejectionsBecomeDeadLettersWithTheirHeaders() {
        GatewayRejection r = rejection("{\"id\":\"g1\",\"type\":\"t\"}");
        r.errorType = "missing_field:timestamp";
        r.errorMessage = "timestamp is required";
        r.source = "edge-1";
        r.eventId = "g1";
        r.eventType = "t";
        JsonNode row = dlq(GatewayDeadLetters.row(r, TestEvents.NOW));
        assertEquals("gateway", row.get("source").asText());
        assertEquals("missing_field", row.get("error_type").asText());
        assertEquals("timestamp is required (key: edge-1)", row.get("error_message").asText());
        assertEquals("g1", row.get("event_id").asText());
        assertEquals("t", row.get("event_type").asText());
        assertEquals("{\"id\":\"g1\",\"type\":\"t\"}", row.get("raw_json").asText());
        assertEquals("streaming-events-dlq", row.get("kafka_topic").asText());
        assertEquals(41, row.get("kafka_offset").longValue());
    }

    @Test
    void gatewayRejectionsWithoutHeadersAreStillDeadLettered() {
        JsonNode row = dlq(GatewayDeadLetters.row(rejection("garbage"), TestEvents.NOW));
        assertEquals("gateway", row.get("source").asText());
        assertEquals("invalid_payload", row.get("error_type").asText());
        assertTrue(row.get("error_message").asText().contains("no error_type header"));
        assertEquals("", row.get("event_id").asText());
        assertEquals("garbage", row.get("raw_json").asText());
    }

    private static GatewayRejection rejection(String value) {
        GatewayRejection r = new GatewayRejection();
        r.value = value.getBytes(StandardCharsets.UTF_8);
        r.topic = "streaming-events-dlq";
        r.partition = 1;
        r.offset = 41;
        return r;
    }

    private static JsonNode dlq(SinkRow row) {
        assertEquals("streaming_events_dlq", row.table);
        return TestEvents.tree(row.json);
    }
}
