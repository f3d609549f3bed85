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
public final class LateEventCounter extends RichMapFunction<LiveSignal, LiveSignal> {

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
    public LiveSignal map(LiveSignal s) {
        if (!LiveSignal.Scope.NETWORK.equals(s.scope)) {
            // Each event is late in every scope it feeds; count it once.
            return s;
        }
        late.inc();
        if (late.getCount() % LOG_EVERY == 1) {
            LOG.warn(
                    "{} event(s) too late for the live windows so far (latest: type {}, {} ms old);"
                            + " they are archived but not in live-metrics",
                    late.getCount(),
                    s.eventType,
                    System.currentTimeMillis() - s.eventTsMs);
        }
        return s;
    }
}
