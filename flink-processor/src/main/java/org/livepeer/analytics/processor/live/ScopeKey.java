package org.livepeer.analytics.processor.live;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys a partial by "scope|key"; the scope names contain no separator, keys may. */
public final class ScopeKey implements KeySelector<LivePartial, String> {

    private static final long serialVersionUID = 1L;

    static final char SEPARATOR = '|';

    /** The key of a scoped signal. */
    static String of(LiveSignal s) {
        return s.scope + SEPARATOR + s.scopeKey;
    }

    @Override
    public String getKey(LivePartial p) {
        return p.scopeKey;
    }
}
