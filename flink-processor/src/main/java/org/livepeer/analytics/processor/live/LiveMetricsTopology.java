package org.livepeer.analytics.processor.live;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The live branch of the job (docs/live-metrics.md): signals of the deduplicated events →
 * per-stream state → network, orchestrator and pipeline partials folded in memory ({@link
 * LiveCombiner}) → windows → JSON messages for {@code live-metrics}. Free of connectors so tests
 * can pass any sink.
 */
public final class LiveMetricsTopology {

    static final OutputTag<LivePartial> LATE = new OutputTag<>("live-late-events") {};

    private LiveMetricsTopology() {}

    /**
     * Adds the live branch reading {@code signals} and writing messages to {@code liveMetrics}.
     *
     * @param signals one per event from the router (see {@link SignalExtractor}), each stream's in
     *     Kafka order, as the per-stream state needs
     */
    public static void build(
            DataStream<LiveSignal> signals, Sink<String> liveMetrics, LiveMetricsConfig config) {
        DataStream<LivePartial> combined =
                signals.assignTimestampsAndWatermarks(
                                WallClockWatermarks.strategy(config.outOfOrdernessMs()))
                        .name("live-watermarks")
                        .uid("live-watermarks")
                        .keyBy(new StreamKey())
                        .process(new StreamStateTracker())
                        .name("live-stream-state")
                        .uid("live-stream-state")
                        .flatMap(new ScopeFanOut())
                        .name("live-scopes")
                        .uid("live-scopes")
                        .transform(
                                "live-combine",
                                TypeInformation.of(LivePartial.class),
                                new LiveCombiner(config.windowMs()))
                        .uid("live-combine");
        SingleOutputStreamOperator<String> windows =
                combined.keyBy(new ScopeKey())
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(config.windowMs())))
                        .allowedLateness(Duration.ofMillis(config.allowedLatenessMs()))
                        .sideOutputLateData(LATE)
                        .aggregate(new LiveAggregate(), new WindowEmitter())
                        .name("live-windows")
                        .uid("live-windows");
        windows.sinkTo(liveMetrics).name("live-metrics").uid("live-metrics-sink");
        windows.getSideOutput(LATE)
                .map(new LateEventCounter())
                .name("live-late-events")
                .uid("live-late-events")
                .sinkTo(new DiscardingSink<>())
                .name("live-late-discard")
                .uid("live-late-discard");
    }
}
