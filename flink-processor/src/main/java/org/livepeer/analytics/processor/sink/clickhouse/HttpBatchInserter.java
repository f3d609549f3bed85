package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.IOException;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts batches with the project's ClickHouse HTTP client. Retryable failures (server down,
 * overloaded, too many parts) are retried with exponential backoff for up to {@code
 * retryMaxDurationMs}; a rejection of the data is reported as {@link RejectedBatchException} so the
 * writer can isolate the bad rows; anything else fails the batch, so the job restarts from its last
 * checkpoint instead of losing rows. Rollup recomputations get the same retries. Public for the
 * sink benchmark.
 */
public final class HttpBatchInserter implements BatchInserter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpBatchInserter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final ClickHouseHttp http;
    private final String database;
    private final long retryMaxDurationMs;

    public HttpBatchInserter(ClickHouseSinkConfig config) {
        this.http = new ClickHouseHttp(config.url(), config.user(), config.password());
        this.database = config.database();
        this.retryMaxDurationMs = config.retryMaxDurationMs();
    }

    @Override
    public int insert(String table, byte[] body, int rows)
            throws IOException, InterruptedException {
        String qualified = database + "." + table;
        return withRetries(
                rows + " rows to " + qualified, () -> http.insert(qualified, "JSONEachRow", body));
    }

    @Override
    public int execute(String statement, String what) throws IOException, InterruptedException {
        try {
            return withRetries(what, () -> http.execute(statement));
        } catch (RejectedBatchException e) {
            throw new IOException("ClickHouse refused " + what + ": " + e.getMessage(), e);
        }
    }

    private int withRetries(String what, Runnable call) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + retryMaxDurationMs;
        long backoff = FIRST_BACKOFF_MS;
        for (int retries = 0; ; retries++) {
            try {
                call.run();
                if (retries > 0) {
                    LOG.info("{} done after {} retries", what, retries);
                }
                return retries;
            } catch (ClickHouseException e) {
                if (e.kind() == FailureKind.REJECT_DATA) {
                    throw new RejectedBatchException(e.getMessage(), e);
                }
                if (!e.retryable() || System.currentTimeMillis() + backoff > deadline) {
                    throw new IOException("cannot write " + what + ": " + e.getMessage(), e);
                }
                if (retries == 0) {
                    LOG.warn("{} failed, retrying: {}", what, e.getMessage());
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }
}
