package org.livepeer.analytics.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.json.StrictJson;

class LiveMetricJsonTest {

    private static LiveSignal status(String stream, String state, double fps, long sampleTs) {
        LiveSignal s = new LiveSignal();
        s.eventType = "ai_stream_status";
        s.streamId = stream;
        s.state = state;
        s.outputFps = fps;
        s.sampleTsMs = sampleTs;
        return s;
    }

    @Test
    void rendersEveryAggregateOfAWindow() throws Exception {
        LiveAccumulator acc = new LiveAccumulator();
        acc.add(status("a", "ONLINE", 10, 1));
        acc.add(status("a", "DEGRADED_INPUT", 20, 2));
        acc.add(status("b", "ERROR", 30, 1));
        LiveAccumulator other = new LiveAccumulator();
        other.add(status("b", "ONLINE", 40, 0)); // older sample: b stays ERROR
        LiveSignal err = new LiveSignal();
        err.eventType = "ai_stream_events";
        err.error = true;
        err.restarts = 2;
        other.add(err);
        LiveSignal bad = new LiveSignal();
        bad.eventType = LiveSignal.INVALID;
        other.add(bad);
        acc.merge(other);

        JsonNode m =
                StrictJson.parse(
                        LiveMetricJson.render("network", "", 5000, 10000, 0, 10500, acc)
                                .getBytes(StandardCharsets.UTF_8));

        assertEquals(6, m.at("/events/total").asLong());
        assertEquals(1.2, m.at("/events/per_second").asDouble());
        assertEquals(1, m.at("/events/invalid").asLong());
        assertEquals(4, m.at("/events/by_type/ai_stream_status").asLong());
        assertEquals(2, m.at("/streams/active").asLong());
        assertEquals(1, m.at("/streams/degraded").asLong());
        assertEquals(1, m.at("/streams/error").asLong());
        assertEquals(4, m.at("/output_fps/samples").asLong());
        assertEquals(25.0, m.at("/output_fps/avg").asDouble());
        assertEquals(10.0, m.at("/output_fps/min").asDouble());
        assertEquals(20.0, m.at("/output_fps/p50").asDouble());
        assertEquals(40.0, m.at("/output_fps/p95").asDouble());
        assertEquals(1, m.at("/errors").asLong());
        assertEquals(2, m.at("/restarts").asLong());
        assertTrue(m.at("/startup_latency_ms/avg").isNull());
        assertEquals(0, m.at("/ingest/packet_loss_pct/samples").asLong());
    }

    @Test
    void nearestRankPercentiles() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertEquals(5.0, LiveMetricJson.percentile(sorted, 50));
        assertEquals(10.0, LiveMetricJson.percentile(sorted, 95));
        assertEquals(1.0, LiveMetricJson.percentile(List.of(1.0), 95));
    }

    @Test
    void configDefaultsAndValidation() {
        LiveMetricsConfig d = LiveMetricsConfig.defaults();
        assertEquals(5000, d.windowMs());
        assertEquals("live-metrics", d.topic());
        assertEquals(
                "LIVE_METRICS_WINDOW_MS must be an integer from 1000 to 3600000, got '10'",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        LiveMetricsConfig.fromEnv(
                                                Map.of("LIVE_METRICS_WINDOW_MS", "10")))
                        .getMessage());
        assertEquals(
                "LIVE_METRICS_ENABLED must be 'true' or 'false', got 'yes'",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        LiveMetricsConfig.fromEnv(
                                                Map.of("LIVE_METRICS_ENABLED", "yes")))
                        .getMessage());
    }
}
