package org.livepeer.analytics.e2e;

import java.util.List;
import java.util.Map;
import org.livepeer.analytics.event.samples.SampleFiles;

/**
 * The real sample events ({@link SampleFiles}, from event-model's test-jar) and the typed table
 * each type must reach.
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
        return SampleFiles.byType();
    }
}
