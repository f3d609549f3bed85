package org.livepeer.analytics.processor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.rows.RowJson;
import org.livepeer.analytics.processor.source.KafkaEvent;

/** The raw-archive row's columns, including the latency timestamps of V016. */
class RawArchiveRowTest {

    private static final long RECEIVED = TestEvents.NOW - 900;
    private static final long KAFKA = TestEvents.NOW - 880;

    @Test
    void aGatewayRecordCarriesItsReceiveKafkaAndProcessingTimes() {
        ObjectNode event = TestEvents.first("ai_stream_status");
        String value = event.toString();
        Routed routed = route(value, "edge-1", RECEIVED);

        long eventTs = Long.parseLong(event.get("timestamp").asText());
        String at = RowJson.utcDateTime(eventTs);
        ObjectNode expected = TestEvents.JSON.createObjectNode();
        expected.put("event_id", event.get("id").asText());
        expected.put("event_type", "ai_stream_status");
        expected.put("event_ts_ms", eventTs);
        expected.put("event_time", at);
        expected.put("event_date", at.substring(0, 10));
        expected.put("gateway", event.path("gateway").asText(""));
        expected.put("source", "edge-1");
        expected.put("payload", value);
        expected.put("kafka_partition", 3);
        expected.put("kafka_offset", 12L);
        expected.put("processed_ts_ms", TestEvents.NOW);
        expected.put("received_ts_ms", RECEIVED);
        expected.put("kafka_ts_ms", KAFKA);
        // inserted_ts_ms is not the router's: the sink adds it when it sends the batch.
        // Compared as parsed text, so numbers compare by value, not by Java type.
        assertEquals(TestEvents.tree(expected.toString()), TestEvents.tree(routed.raw().json));
    }

    @Test
    void aDirectProducersRecordHasReceiveTimeZero() {
        Routed routed = route(TestEvents.first("stream_trace").toString(), null, 0L);
        JsonNode raw = TestEvents.tree(routed.raw().json);
        assertEquals(0L, raw.get("received_ts_ms").asLong());
        assertEquals(KAFKA, raw.get("kafka_ts_ms").asLong());
        assertEquals(ArchiveRows.DIRECT_SOURCE, raw.get("source").asText());
    }

    @Test
    void aRecordThatIsNotJsonStillCarriesItsTimes() {
        Routed routed = route("{\"id\": \"cut", "edge-1", RECEIVED);
        JsonNode raw = TestEvents.tree(routed.raw().json);
        assertEquals(RECEIVED, raw.get("received_ts_ms").asLong());
        assertEquals(KAFKA, raw.get("kafka_ts_ms").asLong());
        assertEquals(TestEvents.NOW, raw.get("processed_ts_ms").asLong());
        JsonNode dlq = TestEvents.tree(routed.deadLetter().json);
        assertFalse(dlq.has("received_ts_ms"), "dead letters keep the columns of V001");
    }

    private static Routed route(String value, String source, long receivedAtMs) {
        KafkaEvent event =
                new KafkaEvent(
                        value.getBytes(StandardCharsets.UTF_8),
                        "streaming-events",
                        3,
                        12L,
                        source,
                        KAFKA,
                        receivedAtMs);
        return new EventRouter().route(event, TestEvents.NOW);
    }
}
