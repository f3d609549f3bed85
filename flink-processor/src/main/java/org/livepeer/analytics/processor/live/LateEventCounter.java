package org.livepeer.analytics.processor.live;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.function.SerializableSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the events that arrived after their window's allowed lateness. They are in ClickHouse like
 * every other event; only the live view leaves them out. Exposed as the Flink metric {@value
 * #METRIC} and logged: the first one, then at most one line a minute with the count since the
 * previous line, since a replay after a restart can make thousands late at once and the log is for
 * people.
 */
public final class LateEventCounter extends RichMapFunction<LivePartial, LivePartial> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LateEventCounter.class);

    static final String METRIC = "liveMetricsLateEvents";
    static final long LOG_INTERVAL_MS = 60_000;

    private final SerializableSupplier<Long> clockMs;
    private transient Counter late;
    private transient ThrottledCount lines;

    public LateEventCounter() {
        this(System::currentTimeMillis);
    }

    LateEventCounter(SerializableSupplier<Long> clockMs) {
        this.clockMs = clockMs;
    }

    @Override
    public void open(OpenContext context) {
        late = getRuntimeContext().getMetricGroup().counter(METRIC);
        lines = new ThrottledCount(LOG_INTERVAL_MS);
    }

    @Override
    public LivePartial map(LivePartial p) {
        if (!p.network()) {
            // Each event is late in every scope it feeds; count it once.
            return p;
        }
        late.inc(p.signals);
        long now = clockMs.get();
        long due = lines.add(p.signals, now);
        if (due > 0) {
            LOG.warn(
                    "{} event(s) too late for the live windows since the last such line ({} since"
                            + " start; latest: type {}, {} ms old); they are archived but not in"
                            + " live-metrics",
                    due,
                    late.getCount(),
                    p.lastEventType,
                    now - p.lastEventTsMs);
        }
        return p;
    }
}
