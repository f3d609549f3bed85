package org.livepeer.analytics.sqlcompat.grafana;

import java.util.List;

/** What a multi-value template variable has selected: All, or some of its values. */
public sealed interface Selection {

    /** "All" without a custom all value: Grafana's {@code $__all}. */
    record All() implements Selection {}

    /** A specific multi-selection. */
    record Values(List<String> values) implements Selection {
        public Values {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a selection needs at least one value");
            }
        }
    }

    static Selection all() {
        return new All();
    }

    static Selection of(List<String> values) {
        return new Values(values);
    }
}
