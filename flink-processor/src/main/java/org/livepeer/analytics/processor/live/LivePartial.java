package org.livepeer.analytics.processor.live;

/**
 * The signals of one scope key and one window folded together by {@link LiveCombiner}, on their way
 * to the window operator. A Flink POJO.
 */
public final class LivePartial {

    /** {@code scope|key}, as {@link ScopeKey} makes it. */
    public String scopeKey = "";

    /** How many signals it holds. */
    public long signals;

    /** The type and event time of the last signal, for the late-event log. */
    public String lastEventType = "";

    public long lastEventTsMs;

    public LiveAccumulator accumulator = new LiveAccumulator();

    public LivePartial() {}

    LivePartial(String scopeKey) {
        this.scopeKey = scopeKey;
    }

    void add(LiveSignal s) {
        accumulator.add(s);
        signals++;
        lastEventType = s.eventType;
        lastEventTsMs = s.eventTsMs;
    }

    /** Whether it belongs to the network scope, which every event feeds exactly once. */
    boolean network() {
        return scopeKey.startsWith(LiveSignal.Scope.NETWORK + ScopeKey.SEPARATOR);
    }
}
