package org.livepeer.analytics.sqlcompat.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.livepeer.analytics.clickhouse.http.ClickHouseCredentials;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.processor.sink.clickhouse.ClickHouseSinkConfig;
import org.livepeer.analytics.processor.sink.clickhouse.HttpBatchInserter;
import org.livepeer.analytics.processor.sink.clickhouse.InsertVerdict;
import org.livepeer.analytics.sqlcompat.data.SinkBatches;

/**
 * The processor's own ClickHouse client ({@link HttpBatchInserter}), logged in as the writer and
 * configured as the job configures it: what a test writes through this reaches the server exactly
 * as the sink's batches and rollup recomputations do. Anything but "written" fails the test.
 */
public final class ProcessorSink implements AutoCloseable {
    private final HttpBatchInserter inserter;

    public ProcessorSink(ClickHouseServerProcess server) {
        ClickHouseCredentials writer = server.writer();
        this.inserter =
                new HttpBatchInserter(
                        new ClickHouseSinkConfig(
                                server.httpUri(),
                                writer.user(),
                                writer.password(),
                                Migrator.DATABASE,
                                10_000,
                                16_000_000,
                                1_000,
                                30_000,
                                60_000,
                                SinkBatches.EVENTS_TOPIC));
    }

    /** Sends every table's batch, as the sink sends a flushed batch. */
    public void write(SinkBatches rows) {
        rows.bodies()
                .forEach(
                        (table, body) ->
                                expectWritten(
                                        table,
                                        call(
                                                () ->
                                                        inserter.insert(
                                                                table,
                                                                body.getBytes(
                                                                        StandardCharsets.UTF_8),
                                                                (int) body.lines().count()))));
    }

    /** Runs a statement, as the sink runs its rollup recomputations. */
    public void run(String statement) {
        expectWritten(statement, call(() -> inserter.execute(statement, "statement")));
    }

    @Override
    public void close() {
        inserter.close();
    }

    private static void expectWritten(String what, InsertVerdict verdict) {
        assertTrue(verdict instanceof InsertVerdict.Inserted, what + ": " + verdict);
    }

    private interface SinkCall {
        InsertVerdict send() throws InterruptedException;
    }

    private static InsertVerdict call(SinkCall call) {
        try {
            return call.send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }
}
