package org.livepeer.analytics.processor.live;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys a signal by "scope|key"; the scope names contain no separator, keys may. */
public final class ScopeKey implements KeySelector<LiveSignal, String> {

    private static final long serialVersionUID = 1L;

    static final char SEPARATOR = '|';

    @Override
    public String getKey(LiveSignal s) {
        return s.scope + SEPARATOR + s.scopeKey;
    }
}
