package org.livepeer.analytics.processor.live;

/**
 * What one event contributes to the live windows, reduced to the few fields the aggregates need. A
 * Flink POJO (public fields, no-arg constructor). Boxed fields are null when the event does not
 * carry that measure.
 */
public final class LiveSignal {

    /** Envelope timestamp (gateway clock); the event time of the windows. */
    public long eventTsMs;

    /** Envelope type, or {@link #INVALID} for events the live path could not read. */
    public String eventType = "";

    public String streamId = "";

    /** Lower-case orchestrator address, "" when the event names none. */
    public String orchestrator = "";

    public String pipeline = "";

    /** Which aggregate this copy feeds: network, orchestrator or pipeline. */
    public String scope = Scope.NETWORK;

    /** The orchestrator address or pipeline name of the scope; "" for the network. */
    public String scopeKey = "";

    /** Runner state of an {@code ai_stream_status} event. */
    public String state;

    public Double outputFps;

    /** Data timestamp of a status sample, to pick a stream's latest state in a window. */
    public Long sampleTsMs;

    /** Restarts since this stream's previous status (filled by {@link StreamStateTracker}). */
    public long restarts;

    /** Runner restart counter as reported; used by {@link StreamStateTracker}. */
    public Long restartCount;

    /** True for an {@code ai_stream_events} event of subtype {@code error}. */
    public boolean error;

    /** Stream trace subtype, for {@link StreamStateTracker}. */
    public String traceType;

    /** Data timestamp of a trace edge (envelope timestamp when absent). */
    public Long traceTsMs;

    /** Set on the edge that completes a stream's startup (filled by the tracker). */
    public Long startupLatencyMs;

    public Double packetLossPct;
    public Double jitterMs;

    public static final String INVALID = "_invalid";

    public LiveSignal() {}

    /** A copy of this signal attributed to {@code newScope} / {@code newKey}. */
    public LiveSignal scoped(String newScope, String newKey) {
        LiveSignal s = new LiveSignal();
        s.eventTsMs = eventTsMs;
        s.eventType = eventType;
        s.streamId = streamId;
        s.orchestrator = orchestrator;
        s.pipeline = pipeline;
        s.scope = newScope;
        s.scopeKey = newKey;
        s.state = state;
        s.outputFps = outputFps;
        s.sampleTsMs = sampleTsMs;
        s.restarts = restarts;
        s.restartCount = restartCount;
        s.error = error;
        s.traceType = traceType;
        s.traceTsMs = traceTsMs;
        s.startupLatencyMs = startupLatencyMs;
        s.packetLossPct = packetLossPct;
        s.jitterMs = jitterMs;
        return s;
    }

    /** The names of the three aggregation scopes. */
    public static final class Scope {
        public static final String NETWORK = "network";
        public static final String ORCHESTRATOR = "orchestrator";
        public static final String PIPELINE = "pipeline";

        private Scope() {}
    }
}
