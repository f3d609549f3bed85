package org.livepeer.analytics.processor.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.livepeer.analytics.event.json.StrictJson;

/** Renders one window of one scope as the JSON message documented in docs/live-metrics.md. */
public final class LiveMetricJson {

    public static final int SCHEMA_VERSION = 1;

    private LiveMetricJson() {}

    /** The message for {@code acc}, the window [{@code startMs}, {@code endMs}). */
    public static String render(
            String scope,
            String key,
            long startMs,
            long endMs,
            int revision,
            long emittedAtMs,
            LiveAccumulator acc) {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("schema", SCHEMA_VERSION);
        root.put("scope", scope);
        root.put("key", key);
        root.put("window_start_ms", startMs);
        root.put("window_end_ms", endMs);
        root.put("revision", revision);
        root.put("emitted_at_ms", emittedAtMs);
        events(root.putObject("events"), acc, endMs - startMs);
        streams(root.putObject("streams"), acc);
        summary(root.putObject("output_fps"), acc.outputFps);
        root.put("restarts", acc.restarts);
        root.put("errors", acc.errors);
        summary(root.putObject("startup_latency_ms"), toDoubles(acc.startupLatencyMs));
        ObjectNode ingest = root.putObject("ingest");
        summary(ingest.putObject("packet_loss_pct"), acc.packetLossPct);
        summary(ingest.putObject("jitter_ms"), acc.jitterMs);
        try {
            return StrictJson.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void events(ObjectNode node, LiveAccumulator acc, long windowMs) {
        long total = acc.eventsByType.values().stream().mapToLong(Long::longValue).sum();
        node.put("total", total);
        node.put("per_second", round(total * 1000.0 / windowMs));
        Long invalid = acc.eventsByType.get(LiveSignal.INVALID);
        node.put("invalid", invalid == null ? 0 : invalid);
        ObjectNode byType = node.putObject("by_type");
        new TreeMap<>(acc.eventsByType)
                .forEach(
                        (type, n) -> {
                            if (!LiveSignal.INVALID.equals(type)) {
                                byType.put(type, n);
                            }
                        });
    }

    private static void streams(ObjectNode node, LiveAccumulator acc) {
        Map<String, Long> byState = new TreeMap<>();
        acc.stateByStream.values().forEach(s -> byState.merge(s, 1L, Long::sum));
        long degraded =
                byState.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("DEGRADED"))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
        node.put("active", acc.stateByStream.size());
        node.put("degraded", degraded);
        node.put("error", byState.getOrDefault("ERROR", 0L));
        ObjectNode states = node.putObject("by_state");
        byState.forEach(states::put);
    }

    /** count, avg, min, p50, p95, max; the statistics are null when there is no sample. */
    static void summary(ObjectNode node, List<Double> values) {
        node.put("samples", values.size());
        if (values.isEmpty()) {
            for (String f : List.of("avg", "min", "p50", "p95", "max")) {
                node.putNull(f);
            }
            return;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        node.put("avg", round(sum / sorted.size()));
        node.put("min", round(sorted.get(0)));
        node.put("p50", round(percentile(sorted, 50)));
        node.put("p95", round(percentile(sorted, 95)));
        node.put("max", round(sorted.get(sorted.size() - 1)));
    }

    /** Nearest-rank percentile of an ascending list. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static List<Double> toDoubles(List<Long> values) {
        List<Double> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(v.doubleValue()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
