package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time is the envelope timestamp; the watermark follows the wall clock, {@code lagMs} behind
 * it. Watermarks from the data alone would stall when traffic stops (the last window of a quiet
 * network would never close) and jump ahead with one gateway's fast clock; a live view needs
 * windows that close on time. An event is therefore late when it reaches the job more than {@code
 * lagMs} after its own timestamp.
 */
public final class WallClockWatermarks {

    private WallClockWatermarks() {}

    public static WatermarkStrategy<LiveSignal> strategy(long lagMs) {
        WatermarkGeneratorSupplier<LiveSignal> supplier = ctx -> new Generator(lagMs);
        SerializableTimestampAssigner<LiveSignal> assigner = (s, previous) -> s.eventTsMs;
        return WatermarkStrategy.forGenerator(supplier).withTimestampAssigner(assigner);
    }

    /** Emits on the periodic tick only (pipeline.auto-watermark-interval, 200 ms by default). */
    static final class Generator implements WatermarkGenerator<LiveSignal> {
        private final long lagMs;
        private long last = Long.MIN_VALUE;

        Generator(long lagMs) {
            this.lagMs = lagMs;
        }

        @Override
        public void onEvent(LiveSignal event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            long wm = System.currentTimeMillis() - lagMs - 1;
            if (wm > last) {
                last = wm;
                output.emitWatermark(new Watermark(wm));
            }
        }
    }
}
