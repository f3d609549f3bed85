package org.livepeer.analytics.processor.sink.clickhouse;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The sink's metrics, registered once per writer under {@code clickhouse}: rows and batches
 * written, retries, rows dead-lettered after ClickHouse rejected them, and the latency of each
 * insert (milliseconds, including retries and splitting), and the rollup hours recomputed.
 */
record SinkMetrics(
        Counter rowsWritten,
        Counter batchesWritten,
        Counter retries,
        Counter rowsDeadLettered,
        Histogram batchLatencyMs,
        Counter rollupHoursRecomputed) {

    private static final int LATENCY_WINDOW = 500;

    static SinkMetrics register(MetricGroup group) {
        MetricGroup clickhouse = group.addGroup("clickhouse");
        return new SinkMetrics(
                clickhouse.counter("rowsWritten"),
                clickhouse.counter("batchesWritten"),
                clickhouse.counter("retries"),
                clickhouse.counter("rowsDeadLettered"),
                clickhouse.histogram(
                        "batchLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW)),
                clickhouse.counter("rollupHoursRecomputed"));
    }
}
