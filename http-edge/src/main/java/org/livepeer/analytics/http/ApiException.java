package org.livepeer.analytics.http;

/**
 * A request failed for a reason the client should see; {@link ErrorResponses} turns it into an
 * {@link ApiError}. Handlers pass it to {@code RoutingContext.fail} instead of writing bodies.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;
    private final int retryAfterSeconds;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null, 0);
    }

    public ApiException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, 0);
    }

    /**
     * @param retryAfterSeconds the {@code Retry-After} value when this failure knows it (rate
     *     limits do); 0 uses the writer's default
     */
    public ApiException(ErrorCode code, String message, Throwable cause, int retryAfterSeconds) {
        // No stack trace: these are answers to clients, thrown on the hot path.
        super(message, cause, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code Retry-After} this failure asks for, or 0 for the writer's default. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
