package org.livepeer.analytics.processor.sink.clickhouse;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.processor.row.ProcessorTables;
import org.livepeer.analytics.processor.row.SinkRow;

/**
 * Writes {@link SinkRow}s to ClickHouse over HTTP in per-table JSONEachRow batches. Batches are
 * sent when full, when their oldest row has waited long enough, and always before a checkpoint
 * completes, which makes delivery at-least-once (duplicates are collapsed by the tables'
 * ReplacingMergeTree keys). Rows of the raw archive ({@link ProcessorTables#RAW_ARCHIVE}) get the
 * time their batch was first sent as {@value #INSERT_TIME_COLUMN}. The hourly rollups ({@link
 * HourlyRollup}) are recomputed for the hours the rows touched, at most every {@code
 * rollupRefreshMs}; the hours still owed are checkpointed.
 */
public final class ClickHouseSink
        implements Sink<SinkRow>, SupportsWriterState<SinkRow, RollupHour> {

    private static final long serialVersionUID = 1L;

    /** The send time of a raw-archive row's batch (ms, this writer's clock), added by the sink. */
    public static final String INSERT_TIME_COLUMN = "inserted_ts_ms";

    private final ClickHouseSinkConfig config;

    public ClickHouseSink(ClickHouseSinkConfig config) {
        this.config = config;
    }

    @Override
    public StatefulSinkWriter<SinkRow, RollupHour> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<SinkRow, RollupHour> restoreWriter(
            WriterInitContext context, Collection<RollupHour> owed) {
        return new ClickHouseSinkWriter(
                config,
                new HttpBatchInserter(config),
                context.getProcessingTimeService(),
                SinkMetrics.register(context.metricGroup()),
                new RollupRefresher(
                        HourlyRollup.all(config.eventsTopic()), config.rollupRefreshMs(), owed));
    }

    @Override
    public SimpleVersionedSerializer<RollupHour> getWriterStateSerializer() {
        return new RollupHour.Serializer();
    }
}
