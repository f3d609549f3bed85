package org.livepeer.analytics.processor.sink.clickhouse;

/** Sends one finished batch to one table; the seam where tests can see what is written. */
interface BatchInserter extends AutoCloseable {

    /**
     * Inserts {@code body} (JSONEachRow lines) into {@code table}, retrying retryable failures
     * until the retry budget is spent; blocks until then.
     *
     * @return {@link InsertVerdict.Inserted} with the retries it took, {@link
     *     InsertVerdict.Rejected} when ClickHouse refused the data, {@link InsertVerdict.Fatal}, or
     *     {@link InsertVerdict.Retryable} when the budget was spent
     * @throws InterruptedException when the task is cancelled while it waits
     */
    InsertVerdict insert(String table, byte[] body, int rows) throws InterruptedException;

    /**
     * Runs {@code statement} (a rollup recomputation) like {@link #insert}; {@code what} names it
     * in logs.
     */
    InsertVerdict execute(String statement, String what) throws InterruptedException;

    @Override
    default void close() {}
}
