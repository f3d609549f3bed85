package org.livepeer.analytics.processor.sink.clickhouse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.livepeer.analytics.clickhouse.http.ClickHouseCredentials;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttpOptions;
import org.livepeer.analytics.clickhouse.http.DistributedInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts batches with the project's ClickHouse HTTP client and answers with an {@link
 * InsertVerdict}. Retryable failures (server down, overloaded, too many parts) are retried with
 * exponential backoff (100 ms doubling to 5 s) for up to {@code retryMaxDurationMs}; a rejection of
 * the data is answered at once so the writer can isolate the bad rows; anything else is fatal.
 * Rollup recomputations get the same retries. Public for the sink benchmark.
 *
 * <p>The first attempt runs on the caller's thread, so a batch that goes through costs no thread
 * hand-off. Retries run on a timer thread of this inserter, each scheduled one backoff after the
 * previous failure, and the caller waits for the chain's verdict on a future with a deadline (the
 * budget plus one request's timeout). The caller is the Flink task thread in {@code flush}, which
 * must block until the batch is in ClickHouse or the budget is spent (nothing is acknowledged
 * before it is written); waiting on the future instead of sleeping keeps the task thread responsive
 * to cancellation (an interrupt cancels the chain before its next attempt) and leaves the pacing to
 * one place. Yielding to Flink's mailbox while waiting was not chosen: it would run the writer's
 * batch timer in the middle of a send.
 */
public final class HttpBatchInserter implements BatchInserter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpBatchInserter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final ClickHouseHttp http;
    private final String database;
    private final long retryMaxDurationMs;
    private final long firstBackoffMs;
    private final long maxBackoffMs;

    /** How long past the budget the caller waits for an attempt still in flight. */
    private final long requestTimeoutMs;

    /** Starts its thread at the first retry, so a healthy ClickHouse costs none. */
    private final ScheduledExecutorService retryTimer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "clickhouse-sink-retries");
                        t.setDaemon(true);
                        return t;
                    });

    public HttpBatchInserter(ClickHouseSinkConfig config) {
        this(config, FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
    }

    /** With other backoffs, for tests. */
    HttpBatchInserter(ClickHouseSinkConfig config, long firstBackoffMs, long maxBackoffMs) {
        ClickHouseHttpOptions options =
                ClickHouseHttpOptions.defaults().withSettings(DistributedInserts.SYNCHRONOUS);
        this.http =
                new ClickHouseHttp(
                        config.url(),
                        new ClickHouseCredentials(config.user(), config.password()),
                        options);
        this.database = config.database();
        this.retryMaxDurationMs = config.retryMaxDurationMs();
        this.firstBackoffMs = firstBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.requestTimeoutMs =
                options.requestTimeout().toMillis() + options.connectTimeout().toMillis();
    }

    @Override
    public InsertVerdict insert(String table, byte[] body, int rows) throws InterruptedException {
        String qualified = database + "." + table;
        return withRetries(
                rows + " rows to " + qualified, () -> http.insert(qualified, "JSONEachRow", body));
    }

    @Override
    public InsertVerdict execute(String statement, String what) throws InterruptedException {
        return withRetries(what, () -> http.execute(statement));
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
    }

    /** One call and its verdict: the one place the client's exception is turned into a value. */
    static InsertVerdict attempt(Runnable call) {
        try {
            call.run();
            return new InsertVerdict.Inserted(0);
        } catch (ClickHouseException e) {
            return InsertVerdict.of(e);
        }
    }

    private InsertVerdict withRetries(String what, Runnable call) throws InterruptedException {
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMaxDurationMs);
        InsertVerdict first = attempt(call);
        if (!(first instanceof InsertVerdict.Retryable failed)) {
            return first;
        }
        LOG.warn("{} failed, retrying: {}", what, failed.reason());
        RetryChain chain = new RetryChain(what, call, deadlineNanos);
        chain.afterFailure(failed);
        return chain.await();
    }

    /** The retries of one call, each run on the timer one backoff after the previous failure. */
    private final class RetryChain {
        private final CompletableFuture<InsertVerdict> verdict = new CompletableFuture<>();
        private final String what;
        private final Runnable call;
        private final long deadlineNanos;
        private long backoffMs = firstBackoffMs;
        private int retries;

        RetryChain(String what, Runnable call, long deadlineNanos) {
            this.what = what;
            this.call = call;
            this.deadlineNanos = deadlineNanos;
        }

        /** Schedules the next attempt, or gives the failure as the verdict once out of budget. */
        void afterFailure(InsertVerdict.Retryable failed) {
            if (verdict.isDone()) {
                return;
            }
            long delayMs = backoffMs;
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs) > deadlineNanos) {
                verdict.complete(failed);
                return;
            }
            backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
            try {
                retryTimer.schedule(this::retry, delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                verdict.complete(new InsertVerdict.Fatal("the sink is closing: " + what));
            }
        }

        private void retry() {
            if (verdict.isDone()) {
                return; // the caller stopped waiting (cancelled or past its deadline)
            }
            retries++;
            InsertVerdict result;
            try {
                result = attempt(call);
            } catch (RuntimeException e) {
                verdict.completeExceptionally(e);
                return;
            }
            if (result instanceof InsertVerdict.Retryable failed) {
                afterFailure(failed);
            } else if (result instanceof InsertVerdict.Inserted) {
                LOG.info("{} done after {} retries", what, retries);
                verdict.complete(new InsertVerdict.Inserted(retries));
            } else {
                verdict.complete(result);
            }
        }

        InsertVerdict await() throws InterruptedException {
            long waitNanos =
                    deadlineNanos
                            - System.nanoTime()
                            + TimeUnit.MILLISECONDS.toNanos(requestTimeoutMs);
            try {
                return verdict.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return new InsertVerdict.Fatal(what + " failed: " + e.getCause());
            } catch (TimeoutException e) {
                verdict.cancel(false);
                return new InsertVerdict.Retryable(
                        what + " still unanswered " + requestTimeoutMs + " ms past the budget");
            } catch (InterruptedException e) {
                verdict.cancel(false);
                throw e;
            }
        }
    }
}
