package org.livepeer.analytics.processor.live;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per-stream memory the windows cannot have: restarts as the increase of the runner's cumulative
 * {@code restart_count} since the stream's previous status, and startup latency as the time from
 * {@code gateway_receive_stream_request} to {@code gateway_receive_first_processed_segment} (in
 * either arrival order). Keyed by stream id; state expires an hour after its last update.
 */
public final class StreamStateTracker extends KeyedProcessFunction<String, LiveSignal, LiveSignal> {

    private static final long serialVersionUID = 1L;

    static final String REQUEST_EDGE = "gateway_receive_stream_request";
    static final String FIRST_OUTPUT_EDGE = "gateway_receive_first_processed_segment";

    private transient ValueState<Long> lastRestartCount;
    private transient ValueState<Long> requestTsMs;
    private transient ValueState<Long> firstOutputTsMs;

    @Override
    public void open(OpenContext context) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1)).build();
        lastRestartCount = getRuntimeContext().getState(descriptor("last-restart-count", ttl));
        requestTsMs = getRuntimeContext().getState(descriptor("request-ts", ttl));
        firstOutputTsMs = getRuntimeContext().getState(descriptor("first-output-ts", ttl));
    }

    private static ValueStateDescriptor<Long> descriptor(String name, StateTtlConfig ttl) {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>(name, Long.class);
        d.enableTimeToLive(ttl);
        return d;
    }

    @Override
    public void processElement(LiveSignal s, Context ctx, Collector<LiveSignal> out)
            throws Exception {
        if (!s.streamId.isEmpty()) {
            if (s.restartCount != null) {
                Long previous = lastRestartCount.value();
                if (previous != null && s.restartCount > previous) {
                    s.restarts = s.restartCount - previous;
                }
                lastRestartCount.update(s.restartCount);
            }
            if (s.traceType != null) {
                trackStartup(s);
            }
        }
        out.collect(s);
    }

    private void trackStartup(LiveSignal s) throws Exception {
        boolean request = REQUEST_EDGE.equals(s.traceType);
        boolean firstOutput = FIRST_OUTPUT_EDGE.equals(s.traceType);
        if (!request && !firstOutput) {
            return;
        }
        ValueState<Long> mine = request ? requestTsMs : firstOutputTsMs;
        if (mine.value() != null) {
            // A repeated edge (replay or duplicate) must not count the startup twice.
            return;
        }
        mine.update(s.traceTsMs);
        Long start = requestTsMs.value();
        Long end = firstOutputTsMs.value();
        if (start != null && end != null && end >= start) {
            s.startupLatencyMs = end - start;
        }
    }
}
