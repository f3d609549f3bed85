package org.livepeer.analytics.wire;

/**
 * The default names of the three Kafka topics the services share (docs/kafka.md, "Topics"). Every
 * service reads the actual names from the same settings ({@code EVENTS_TOPIC}, {@code DLQ_TOPIC},
 * {@code LIVE_METRICS_TOPIC}), whose defaults are these.
 */
public final class WireTopics {

    /** Accepted events, one record per event: written by the gateway, read by the processor. */
    public static final String EVENTS = "streaming-events";

    /** The gateway's rejected envelopes with their reasons: read by the processor into the DLQ. */
    public static final String DLQ = "streaming-events-dlq";

    /** The processor's live windows, one JSON message per window and scope: read by the SSE API. */
    public static final String LIVE_METRICS = "live-metrics";

    private WireTopics() {}
}
