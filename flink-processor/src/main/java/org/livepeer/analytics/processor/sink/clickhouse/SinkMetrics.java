package org.livepeer.analytics.processor.sink.clickhouse;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** The sink's counters, registered once per writer. */
record SinkMetrics(Counter rowsWritten, Counter batchesWritten, Counter retries) {

    static SinkMetrics register(MetricGroup group) {
        MetricGroup clickhouse = group.addGroup("clickhouse");
        return new SinkMetrics(
                clickhouse.counter("rowsWritten"),
                clickhouse.counter("batchesWritten"),
                clickhouse.counter("retries"));
    }
}
