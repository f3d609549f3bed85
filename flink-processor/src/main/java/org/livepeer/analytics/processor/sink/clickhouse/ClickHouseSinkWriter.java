package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.livepeer.analytics.processor.row.ProcessorTables;
import org.livepeer.analytics.processor.row.SinkRow;

/**
 * Buffers rows per table and sends a table's batch when it reaches the row or byte bound, when a
 * timer finds its oldest row older than the delay bound, and for every table on {@link
 * #flush(boolean)}, which Flink calls before each checkpoint barrier. Timer callbacks run in the
 * task's mailbox thread, so no locking is needed.
 *
 * <p>A batch ClickHouse rejects as bad data is split in halves until the rejected rows are found;
 * the good rows are written and each bad row becomes a {@code sink_rejected} dead letter, which is
 * flushed after every other table so a checkpoint never completes without it.
 *
 * <p>Rows of the raw archive get the processing time at which their batch is first sent as {@code
 * inserted_ts_ms} ({@link TableBatch}).
 *
 * <p>After a flush has sent every batch, the rollup hours the rows fell in are recomputed when due
 * ({@link RollupRefresher}); the hours still owed are the writer's checkpointed state.
 */
final class ClickHouseSinkWriter implements StatefulSinkWriter<SinkRow, RollupHour> {

    private final ClickHouseSinkConfig config;
    private final BatchInserter inserter;
    private final ProcessingTimeService time;
    private final SinkMetrics metrics;
    private final RollupRefresher rollups;
    private final Map<String, TableBatch> batches = new LinkedHashMap<>();
    private final TableBatch deadLetters = new TableBatch();
    private boolean timerPending;

    ClickHouseSinkWriter(
            ClickHouseSinkConfig config,
            BatchInserter inserter,
            ProcessingTimeService time,
            SinkMetrics metrics,
            RollupRefresher rollups) {
        this.config = config;
        this.inserter = inserter;
        this.time = time;
        this.metrics = metrics;
        this.rollups = rollups;
        // Present from the start: rows added to it while other batches are sent never change the
        // map's structure during iteration.
        batches.put(ProcessorTables.DEAD_LETTERS, deadLetters);
    }

    @Override
    public void write(SinkRow row, Context context) throws IOException, InterruptedException {
        TableBatch batch = batches.computeIfAbsent(row.table, ClickHouseSinkWriter::newBatch);
        rollups.noteRow(row);
        add(row.table, batch, row);
        scheduleTimer();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        for (Map.Entry<String, TableBatch> e : batches.entrySet()) {
            if (e.getValue() != deadLetters) {
                send(e.getKey(), e.getValue());
            }
        }
        send(ProcessorTables.DEAD_LETTERS, deadLetters);
        metrics.rollupHoursRecomputed()
                .inc(rollups.refreshIfDue(time.getCurrentProcessingTime(), endOfInput, inserter));
    }

    @Override
    public List<RollupHour> snapshotState(long checkpointId) {
        return rollups.pending();
    }

    @Override
    public void close() throws Exception {
        inserter.close();
    }

    /** The raw archive's rows get their send time; other tables' rows are sent as they are. */
    private static TableBatch newBatch(String table) {
        return ProcessorTables.RAW_ARCHIVE.equals(table)
                ? new TableBatch(ClickHouseSink.INSERT_TIME_COLUMN)
                : new TableBatch();
    }

    private void add(String table, TableBatch batch, SinkRow row)
            throws IOException, InterruptedException {
        batch.add(row, time.getCurrentProcessingTime());
        if (batch.rows() >= config.batchMaxRows() || batch.sizeBytes() >= config.batchMaxBytes()) {
            send(table, batch);
        }
    }

    private void scheduleTimer() {
        if (!timerPending) {
            registerTimer(time.getCurrentProcessingTime() + config.batchMaxDelayMs());
        }
    }

    private void registerTimer(long dueMs) {
        timerPending = true;
        time.registerTimer(dueMs, this::onTimer);
    }

    /**
     * Sends the batches that are due and sets the next timer for the oldest batch still waiting, so
     * that no row waits longer than the delay bound (a timer one delay after this one would let a
     * batch begun just after it wait almost twice as long).
     */
    private void onTimer(long nowMs) throws IOException, InterruptedException {
        timerPending = false;
        for (Map.Entry<String, TableBatch> e : batches.entrySet()) {
            TableBatch batch = e.getValue();
            if (!batch.isEmpty() && nowMs - batch.firstRowAtMs() >= config.batchMaxDelayMs()) {
                send(e.getKey(), batch);
            }
        }
        // After all sends: a send that dead-letters rows starts the dead-letter batch.
        long oldestMs = Long.MAX_VALUE;
        for (TableBatch batch : batches.values()) {
            if (!batch.isEmpty()) {
                oldestMs = Math.min(oldestMs, batch.firstRowAtMs());
            }
        }
        if (oldestMs != Long.MAX_VALUE) {
            registerTimer(Math.max(oldestMs + config.batchMaxDelayMs(), nowMs + 1));
        }
    }

    private void send(String table, TableBatch batch) throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        // Built once per send: retries and the halves of a rejected batch carry the same time.
        byte[] body = batch.body(time.getCurrentProcessingTime());
        InsertVerdict verdict = inserter.insert(table, body, batch.rows());
        if (verdict instanceof InsertVerdict.Rejected rejected) {
            if (batch == deadLetters) {
                // Dead letters have nowhere else to go: stop rather than lose them.
                throw new IOException("ClickHouse rejected dead-letter rows: " + rejected.reason());
            }
            // Dead letters found here go to their own batch; this one is left as it is until done.
            split(table, batch, body, 0, batch.rows(), rejected.reason());
        } else {
            written(verdict, batch.rows(), table);
        }
        batch.clear();
        metrics.batchLatencyMs().update((System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Counts a written batch, or fails the flush: the job restarts from its last checkpoint and
     * reads the rows again instead of losing them (docs/processor.md, "Sink").
     */
    private void written(InsertVerdict verdict, int rows, String table) throws IOException {
        if (verdict instanceof InsertVerdict.Inserted inserted) {
            metrics.retries().inc(inserted.retries());
            metrics.rowsWritten().inc(rows);
            metrics.batchesWritten().inc();
        } else if (verdict instanceof InsertVerdict.Retryable failed) {
            throw new IOException(
                    "cannot write "
                            + rows
                            + " rows to "
                            + table
                            + " within "
                            + config.retryMaxDurationMs()
                            + " ms of retries: "
                            + failed.reason());
        } else if (verdict instanceof InsertVerdict.Fatal fatal) {
            throw new IOException(
                    "cannot write " + rows + " rows to " + table + ": " + fatal.reason());
        } else {
            throw new IllegalStateException("unexpected verdict " + verdict);
        }
    }

    /** Rows {@code [from, to)} were rejected together: write each half, or dead-letter one row. */
    private void split(String table, TableBatch batch, byte[] whole, int from, int to, String error)
            throws IOException, InterruptedException {
        if (to - from == 1) {
            metrics.rowsDeadLettered().inc();
            SinkRow dlq =
                    RejectedRows.deadLetter(
                            table, batch.row(from), error, time.getCurrentProcessingTime());
            add(ProcessorTables.DEAD_LETTERS, deadLetters, dlq);
            return;
        }
        int mid = (from + to) >>> 1;
        insertRange(table, batch, whole, from, mid);
        insertRange(table, batch, whole, mid, to);
    }

    private void insertRange(String table, TableBatch batch, byte[] whole, int from, int to)
            throws IOException, InterruptedException {
        InsertVerdict verdict = inserter.insert(table, batch.body(whole, from, to), to - from);
        if (verdict instanceof InsertVerdict.Rejected rejected) {
            split(table, batch, whole, from, to, rejected.reason());
        } else {
            written(verdict, to - from, table);
        }
    }
}
