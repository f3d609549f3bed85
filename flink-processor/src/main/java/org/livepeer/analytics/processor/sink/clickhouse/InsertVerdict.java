package org.livepeer.analytics.processor.sink.clickhouse;

import org.livepeer.analytics.clickhouse.http.ClickHouseException;

/**
 * What became of a batch (or a rollup statement) sent to ClickHouse: the inserter returns it
 * instead of throwing, and the writer decides what each verdict means for the job
 * (docs/processor.md, "Sink").
 */
public sealed interface InsertVerdict {

    /** Written; {@code retries} attempts failed before the one that succeeded. */
    record Inserted(int retries) implements InsertVerdict {}

    /**
     * A transient failure (no response, 5xx, overload, too many parts). From one attempt it means
     * "try again"; as the inserter's final answer it means the retry budget is spent.
     */
    record Retryable(String reason) implements InsertVerdict {}

    /** ClickHouse refused the data itself: the same bytes fail again, so the rows are at fault. */
    record Rejected(String reason) implements InsertVerdict {}

    /** Anything else (bad SQL, unknown table, permissions): a bug or a misconfiguration. */
    record Fatal(String reason) implements InsertVerdict {}

    /** The verdict on one failed call, by the classifier's kind (error code and HTTP status). */
    static InsertVerdict of(ClickHouseException failure) {
        return switch (failure.kind()) {
            case RETRY -> new Retryable(failure.getMessage());
            case REJECT_DATA -> new Rejected(failure.getMessage());
            case FAIL -> new Fatal(failure.getMessage());
        };
    }
}
