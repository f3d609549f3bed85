package org.livepeer.analytics.clickhouse.http;

/**
 * A failed call to ClickHouse. Carries the server's error code and HTTP status when there was a
 * response, and the verdict of {@link FailureClassifier} so callers decide by {@link #kind()}
 * rather than by message text.
 */
public class ClickHouseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int httpStatus;
    private final FailureKind kind;

    /** A response with an error status. */
    public ClickHouseException(String message, int code, int httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        this.kind = FailureClassifier.classify(code, httpStatus);
    }

    /** No usable response (connection refused, timeout, reset). */
    public ClickHouseException(String message, Throwable cause) {
        super(message, cause);
        this.code = -1;
        this.httpStatus = -1;
        this.kind = FailureClassifier.classifyNoResponse();
    }

    /** ClickHouse error code ({@code Code: NNN} in the body), or -1 when there was none. */
    public int code() {
        return code;
    }

    /** HTTP status, or -1 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public FailureKind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == FailureKind.RETRY;
    }
}
