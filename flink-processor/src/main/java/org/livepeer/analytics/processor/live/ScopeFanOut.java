package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each signal to the network aggregate and, when the event names them, to its orchestrator's
 * and its pipeline's aggregate.
 */
public final class ScopeFanOut implements FlatMapFunction<LiveSignal, LiveSignal> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(LiveSignal s, Collector<LiveSignal> out) {
        out.collect(s.scoped(LiveSignal.Scope.NETWORK, ""));
        if (!s.orchestrator.isEmpty()) {
            out.collect(s.scoped(LiveSignal.Scope.ORCHESTRATOR, s.orchestrator));
        }
        if (!s.pipeline.isEmpty()) {
            out.collect(s.scoped(LiveSignal.Scope.PIPELINE, s.pipeline));
        }
    }
}
