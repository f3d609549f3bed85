package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds signals into a {@link LiveAccumulator} incrementally, as they arrive. */
public final class LiveAggregate
        implements AggregateFunction<LiveSignal, LiveAccumulator, LiveAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public LiveAccumulator createAccumulator() {
        return new LiveAccumulator();
    }

    @Override
    public LiveAccumulator add(LiveSignal value, LiveAccumulator acc) {
        acc.add(value);
        return acc;
    }

    @Override
    public LiveAccumulator getResult(LiveAccumulator acc) {
        return acc;
    }

    @Override
    public LiveAccumulator merge(LiveAccumulator a, LiveAccumulator b) {
        a.merge(b);
        return a;
    }
}
