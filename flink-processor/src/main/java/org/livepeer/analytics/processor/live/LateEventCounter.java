package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the events that arrived after their window's allowed lateness. They are in ClickHouse like
 * every other event; only the live view leaves them out. Exposed as the Flink metric {@value
 * #METRIC} and logged: the first one, then at most once a minute, since a replay after a restart
 * can make thousands late at once and the log is for people.
 */
public final class LateEventCounter extends RichMapFunction<LivePartial, LivePartial> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LateEventCounter.class);

    static final String METRIC = "liveMetricsLateEvents";
    static final long LOG_INTERVAL_MS = 60_000;

    private transient Counter late;
    private transient long loggedAtMs;

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
        boolean first = late.getCount() == 0;
        late.inc(p.signals);
        long now = System.currentTimeMillis();
        if (first || now - loggedAtMs >= LOG_INTERVAL_MS) {
            loggedAtMs = now;
            LOG.warn(
                    "{} event(s) too late for the live windows so far (latest: type {}, {} ms old);"
                            + " they are archived but not in live-metrics",
                    late.getCount(),
                    p.lastEventType,
                    now - p.lastEventTsMs);
        }
        return p;
    }
}
