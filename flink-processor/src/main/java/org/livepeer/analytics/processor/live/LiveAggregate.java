package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds the partials of a window ({@link LiveCombiner}) into its {@link LiveAccumulator}. */
public final class LiveAggregate
        implements AggregateFunction<LivePartial, LiveAccumulator, LiveAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public LiveAccumulator createAccumulator() {
        return new LiveAccumulator();
    }

    @Override
    public LiveAccumulator add(LivePartial value, LiveAccumulator acc) {
        acc.merge(value.accumulator);
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
