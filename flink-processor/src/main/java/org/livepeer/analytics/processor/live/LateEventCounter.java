package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the events that arrived after their window's allowed lateness. They are in ClickHouse like
 * every other event; only the live view leaves them out. Exposed as the Flink metric {@value
 * #METRIC} and logged (first one, then every {@value #LOG_EVERY}th).
 */
public final class LateEventCounter extends RichMapFunction<LivePartial, LivePartial> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LateEventCounter.class);

    static final String METRIC = "liveMetricsLateEvents";
    static final long LOG_EVERY = 1000;

    private transient Counter late;

    @Override
    public void open(OpenContext context) {
        late = getRuntimeContext().getMetricGroup().counter(METRIC);
    }

    @Override
    public LivePartial map(LivePartial p) {
        if (!p.network()) {
            // Each event is late in every scope it feeds; count it once.
            return p;
        }
        long before = late.getCount();
        late.inc(p.signals);
        if (before == 0 || before / LOG_EVERY != late.getCount() / LOG_EVERY) {
            LOG.warn(
                    "{} event(s) too late for the live windows so far (latest: type {}, {} ms old);"
                            + " they are archived but not in live-metrics",
                    late.getCount(),
                    p.lastEventType,
                    System.currentTimeMillis() - p.lastEventTsMs);
        }
        return p;
    }
}
