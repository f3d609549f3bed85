package org.livepeer.analytics.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real sample events (event-model's test-jar, from shared/events/samples), one file per event
 * type.
 */
final class SampleEvents {

    /** Event type → the typed table its rows must reach (docs/events.md §3–§9). */
    static final Map<String, String> TYPED_TABLE =
            Map.of(
                    "ai_stream_status", "ai_stream_status",
                    "stream_ingest_metrics", "stream_ingest_metrics",
                    "stream_trace", "stream_trace_events",
                    "ai_stream_events", "ai_stream_events",
                    "network_capabilities", "network_capabilities",
                    "discovery_results", "discovery_results",
                    "create_new_payment", "payment_events");

    private SampleEvents() {}

    /** Event type → the lines of its sample file, in file order. */
    static Map<String, List<String>> byType() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String type : TYPED_TABLE.keySet().stream().sorted().toList()) {
            all.put(type, lines("samples/" + type + ".jsonl"));
        }
        return all;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = SampleEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
