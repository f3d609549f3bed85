package org.livepeer.analytics.processor.live;

import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys a signal by stream for {@link StreamStateTracker}; events without a stream (capabilities,
 * discovery, payments) are spread by type, they carry no per-stream state.
 */
public final class StreamKey implements KeySelector<LiveSignal, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(LiveSignal s) {
        return s.streamId.isEmpty() ? "type:" + s.eventType : "stream:" + s.streamId;
    }
}
