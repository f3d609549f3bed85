package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.IOException;

/** Sends one finished batch to one table; the seam where tests can see what is written. */
interface BatchInserter extends AutoCloseable {

    /**
     * Inserts {@code body} (JSONEachRow lines) into {@code table}, retrying retryable failures.
     *
     * @return how many retries it took
     * @throws RejectedBatchException when ClickHouse rejects the data itself
     * @throws IOException when the batch cannot be written otherwise (retries exhausted, fatal)
     */
    int insert(String table, byte[] body, int rows) throws IOException, InterruptedException;

    /**
     * Runs {@code statement} (a rollup recomputation), retrying retryable failures like {@link
     * #insert}; {@code what} names it in errors and logs.
     *
     * @return how many retries it took
     * @throws IOException when it cannot be run (retries exhausted, refused, fatal)
     */
    int execute(String statement, String what) throws IOException, InterruptedException;

    @Override
    default void close() {}
}
