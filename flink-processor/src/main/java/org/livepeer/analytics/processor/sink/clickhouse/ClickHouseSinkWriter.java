package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Buffers rows per table and sends a table's batch when it reaches the row or byte bound, when a
 * timer finds its oldest row older than the delay bound, and for every table on {@link
 * #flush(boolean)}, which Flink calls before each checkpoint barrier. Timer callbacks run in the
 * task's mailbox thread, so no locking is needed.
 */
final class ClickHouseSinkWriter implements SinkWriter<SinkRow> {

    private final ClickHouseSinkConfig config;
    private final BatchInserter inserter;
    private final ProcessingTimeService time;
    private final SinkMetrics metrics;
    private final Map<String, TableBatch> batches = new LinkedHashMap<>();
    private boolean timerPending;

    ClickHouseSinkWriter(
            ClickHouseSinkConfig config,
            BatchInserter inserter,
            ProcessingTimeService time,
            SinkMetrics metrics) {
        this.config = config;
        this.inserter = inserter;
        this.time = time;
        this.metrics = metrics;
    }

    @Override
    public void write(SinkRow row, Context context) throws IOException, InterruptedException {
        TableBatch batch = batches.computeIfAbsent(row.table, t -> new TableBatch());
        batch.add(row.json, time.getCurrentProcessingTime());
        if (batch.rows() >= config.batchMaxRows() || batch.sizeBytes() >= config.batchMaxBytes()) {
            send(row.table, batch);
        }
        scheduleTimer();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        for (Map.Entry<String, TableBatch> e : batches.entrySet()) {
            send(e.getKey(), e.getValue());
        }
    }

    @Override
    public void close() throws Exception {
        inserter.close();
    }

    private void scheduleTimer() {
        if (timerPending) {
            return;
        }
        timerPending = true;
        time.registerTimer(
                time.getCurrentProcessingTime() + config.batchMaxDelayMs(), this::onTimer);
    }

    private void onTimer(long nowMs) throws IOException, InterruptedException {
        timerPending = false;
        boolean waiting = false;
        for (Map.Entry<String, TableBatch> e : batches.entrySet()) {
            TableBatch batch = e.getValue();
            if (!batch.isEmpty() && nowMs - batch.firstRowAtMs() >= config.batchMaxDelayMs()) {
                send(e.getKey(), batch);
            }
            waiting |= !batch.isEmpty();
        }
        if (waiting) {
            scheduleTimer();
        }
    }

    private void send(String table, TableBatch batch) throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        int retries = inserter.insert(table, batch.body(), batch.rows());
        metrics.rowsWritten().inc(batch.rows());
        metrics.batchesWritten().inc();
        metrics.retries().inc(retries);
        batch.clear();
    }
}
