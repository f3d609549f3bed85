package org.livepeer.analytics.event.parse;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.livepeer.analytics.event.parse.capabilities.NetworkCapabilitiesParser;
import org.livepeer.analytics.event.parse.discovery.DiscoveryResultsParser;
import org.livepeer.analytics.event.parse.ingest.StreamIngestMetricsParser;
import org.livepeer.analytics.event.parse.payment.CreateNewPaymentParser;
import org.livepeer.analytics.event.parse.status.AiStreamStatusParser;
import org.livepeer.analytics.event.parse.streamevents.AiStreamEventsParser;
import org.livepeer.analytics.event.parse.trace.StreamTraceParser;

/** The parser of each supported event type (the envelope's {@code type}). */
public final class EventParsers {

    private static final Map<String, EventParser> BY_TYPE =
            Map.of(
                    "ai_stream_status", new AiStreamStatusParser(),
                    "stream_ingest_metrics", new StreamIngestMetricsParser(),
                    "stream_trace", new StreamTraceParser(),
                    "ai_stream_events", new AiStreamEventsParser(),
                    "network_capabilities", new NetworkCapabilitiesParser(),
                    "discovery_results", new DiscoveryResultsParser(),
                    "create_new_payment", new CreateNewPaymentParser());

    private EventParsers() {}

    /** The parser for {@code eventType}, or empty for a type we do not model. */
    public static Optional<EventParser> forType(String eventType) {
        return Optional.ofNullable(eventType == null ? null : BY_TYPE.get(eventType));
    }

    /** The seven event types that have a parser. */
    public static Set<String> supportedTypes() {
        return BY_TYPE.keySet();
    }
}
