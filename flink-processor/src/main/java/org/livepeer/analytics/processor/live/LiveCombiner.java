package org.livepeer.analytics.processor.live;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Folds the signals of each (scope key, window) into one {@link LivePartial} in memory and hands it
 * to the window operator when the watermark reaches the window's end, before every checkpoint
 * barrier, at the end of input, and whenever {@value #MAX_HELD} signals are held.
 *
 * <p>Why: the window operator keeps its aggregates in the job's state backend, RocksDB by default,
 * where adding one signal means reading and rewriting the whole aggregate, whose samples grow with
 * the window. Per signal that cost grew with the rate and made the live branch the pipeline's
 * bottleneck (backpressure reached the ClickHouse path at 1,000 events/s, docs/benchmarks.md); per
 * partial it is a few rewrites per window. Nothing is lost on a failure: what is held was read
 * after the last checkpoint and is read again from Kafka.
 */
final class LiveCombiner extends AbstractStreamOperator<LivePartial>
        implements OneInputStreamOperator<LiveSignal, LivePartial> {

    private static final long serialVersionUID = 1L;

    /** Bounds the memory held between watermarks (signals, all windows together). */
    static final int MAX_HELD = 100_000;

    private final long windowMs;
    private transient Map<Window, LivePartial> open;
    private transient long held;

    /** One scope key's window: the map key of the partials held. */
    private record Window(String scopeKey, long start) {}

    LiveCombiner(long windowMs) {
        this.windowMs = windowMs;
    }

    @Override
    public void open() throws Exception {
        super.open();
        open = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<LiveSignal> record) {
        LiveSignal s = record.getValue();
        long start = TimeWindow.getWindowStartWithOffset(record.getTimestamp(), 0, windowMs);
        String scopeKey = ScopeKey.of(s);
        open.computeIfAbsent(new Window(scopeKey, start), w -> new LivePartial(scopeKey)).add(s);
        if (++held >= MAX_HELD) {
            emitUpTo(Long.MAX_VALUE);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        // Before the watermark, so the window operator counts them on time.
        emitUpTo(mark.getTimestamp());
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        emitUpTo(Long.MAX_VALUE);
    }

    @Override
    public void finish() throws Exception {
        emitUpTo(Long.MAX_VALUE);
        super.finish();
    }

    /** Sends the partials of windows whose last millisecond is at or before {@code watermark}. */
    private void emitUpTo(long watermark) {
        Iterator<Map.Entry<Window, LivePartial>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Window, LivePartial> e = it.next();
            long lastMs = e.getKey().start() + windowMs - 1;
            if (lastMs <= watermark) {
                // Stamped with the window's last millisecond: inside the window, like its signals.
                output.collect(new StreamRecord<>(e.getValue(), lastMs));
                held -= e.getValue().signals;
                it.remove();
            }
        }
    }
}
