package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits the message of a window when it fires: revision 0 when the watermark passes its end, then
 * 1, 2, ... each time a late event (within the allowed lateness) changes it. Consumers keep the
 * highest revision of each (scope, key, window_start_ms).
 */
public final class WindowEmitter
        extends ProcessWindowFunction<LiveAccumulator, String, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private static final ValueStateDescriptor<Integer> REVISION =
            new ValueStateDescriptor<>("revision", Integer.class);

    @Override
    public void process(
            String scopeKey, Context ctx, Iterable<LiveAccumulator> elements, Collector<String> out)
            throws Exception {
        ValueState<Integer> revisionState = ctx.windowState().getState(REVISION);
        int revision = revisionState.value() == null ? 0 : revisionState.value() + 1;
        revisionState.update(revision);
        int sep = scopeKey.indexOf(ScopeKey.SEPARATOR);
        String scope = scopeKey.substring(0, sep);
        String key = scopeKey.substring(sep + 1);
        TimeWindow w = ctx.window();
        for (LiveAccumulator acc : elements) {
            out.collect(
                    LiveMetricJson.render(
                            scope,
                            key,
                            w.getStart(),
                            w.getEnd(),
                            revision,
                            System.currentTimeMillis(),
                            acc));
        }
    }

    @Override
    public void clear(Context ctx) throws Exception {
        ctx.windowState().getState(REVISION).clear();
    }
}
