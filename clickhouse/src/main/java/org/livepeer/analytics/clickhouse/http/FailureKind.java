package org.livepeer.analytics.clickhouse.http;

/** What a caller should do about a failed ClickHouse call. */
public enum FailureKind {
    /** Transient: the same request may succeed later (connection, timeout, overload, 5xx). */
    RETRY,
    /** The data itself was rejected: retrying the same bytes fails again; dead-letter them. */
    REJECT_DATA,
    /** Anything else (bad SQL, unknown table, permissions): a bug or misconfiguration. */
    FAIL
}
