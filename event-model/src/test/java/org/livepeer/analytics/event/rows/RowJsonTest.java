package org.livepeer.analytics.event.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;

class RowJsonTest {

    private static final EventMeta META =
            new EventMeta("e-1", "discovery_results", 1767908955607L, "gw \"a\"", "ingest");

    @Test
    void lineHasMetaColumnsFirstThenTheRowInSnakeCase() {
        String line =
                RowJson.line(
                        META, new DiscoveryResultRow(3, "0xabc", "https://o.example:8935", 77));
        assertEquals(
                "{\"event_id\":\"e-1\",\"event_type\":\"discovery_results\","
                        + "\"event_ts_ms\":1767908955607,\"event_time\":\"2026-01-08 21:49:15\","
                        + "\"event_date\":\"2026-01-08\",\"gateway\":\"gw \\\"a\\\"\","
                        + "\"source\":\"ingest\",\"position\":3,\"orchestrator_address\":\"0xabc\","
                        + "\"orchestrator_url\":\"https://o.example:8935\",\"latency_ms\":77}",
                line);
        assertFalse(line.contains("\n"));
    }

    @Test
    void eventTimeIsUtcAndTruncatedToTheSecond() {
        assertEquals("2020-01-01 00:00:00", RowJson.utcDateTime(1577836800999L));
        assertEquals("2099-12-31 23:59:59", RowJson.utcDateTime(4102444799999L));
        assertEquals("2024-02-29 12:00:01", RowJson.utcDateTime(1709208001000L));
    }

    @Test
    void nullsStayNullAndUInt64IsAnExactNumber() throws InvalidJsonException {
        PaymentEventRow row =
                new PaymentEventRow(
                        "s",
                        "m",
                        null,
                        "0xs",
                        "0xr",
                        "https://o",
                        new BigInteger("18446744073709551615"),
                        1635.021,
                        0.000999001,
                        2,
                        null,
                        "");
        String line = RowJson.line(META, row);
        assertTrue(line.contains("\"face_value_wei\":18446744073709551615"), line);
        JsonNode node = StrictJson.parse(line.getBytes(StandardCharsets.UTF_8));
        assertTrue(node.get("request_id").isNull());
        assertTrue(node.get("capability").isNull());
        assertEquals("", node.get("client_ip").textValue());
        assertEquals(1635.021, node.get("price_wei_per_pixel").doubleValue());
        assertEquals(0.000999001, node.get("win_prob").doubleValue());
    }

    @Test
    void booleansAreZeroOrOneForUInt8Columns() {
        String line =
                RowJson.line(
                        META, new NetworkCapabilityModelRow(0, "a", "u", 35, "m", true, 1, 0, "v"));
        assertTrue(line.contains("\"warm\":1,"), line);
    }

    @Test
    void tracksAreFlattenedWithPrefixesAndAbsentTracksAreNull() throws InvalidJsonException {
        TrackStats video = new TrackStats(5.5, 10L, -2L, -0.5, 45.5, 1.0, 0.0, 1.0, List.of("w"));
        StreamIngestMetricsRow row =
                new StreamIngestMetricsRow(
                        "s",
                        "r",
                        "",
                        1767908955607L,
                        "good",
                        "ice",
                        1L,
                        2L,
                        video,
                        TrackStats.ABSENT);
        JsonNode node = StrictJson.parse(RowJson.line(META, row).getBytes(StandardCharsets.UTF_8));
        assertEquals(-2, node.get("video_packets_lost").longValue());
        assertEquals(45.5, node.get("video_rtt_ms").doubleValue());
        assertEquals("w", node.get("video_warnings").get(0).textValue());
        assertTrue(node.get("audio_packets_lost").isNull());
        assertEquals(0, node.get("audio_warnings").size());
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(7 + 8 + 2 * 9, names.size(), names.toString());
    }
}
