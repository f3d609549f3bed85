package org.livepeer.analytics.processor.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;

/**
 * How a Flink metric reads as Prometheus series: a counter as one counter, a gauge or a meter's
 * rate as one gauge, a histogram as its count and p50/p95/p99 gauges. Non-numeric gauges read NaN.
 */
final class FlinkReadings {

    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    /** One series: the suffix added to the metric's name, its kind, and how to read it. */
    record Reading(String suffix, boolean counter, ToDoubleFunction<Metric> value) {}

    private FlinkReadings() {}

    static List<Reading> of(Metric metric) {
        if (metric instanceof Counter) {
            return List.of(new Reading("", true, m -> ((Counter) m).getCount()));
        }
        if (metric instanceof Gauge<?>) {
            return List.of(new Reading("", false, m -> numeric(((Gauge<?>) m).getValue())));
        }
        if (metric instanceof Meter) {
            return List.of(new Reading("", false, m -> ((Meter) m).getRate()));
        }
        if (metric instanceof Histogram) {
            List<Reading> readings = new ArrayList<>();
            readings.add(new Reading("_count", false, m -> ((Histogram) m).getCount()));
            for (double q : QUANTILES) {
                readings.add(
                        new Reading(
                                "_p" + Math.round(q * 100),
                                false,
                                m -> ((Histogram) m).getStatistics().getQuantile(q)));
            }
            return readings;
        }
        return List.of();
    }

    static double numeric(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }
}
