package org.livepeer.analytics.gateway.http;

/**
 * A request failed for a reason the client should see; {@link ErrorResponses} turns it into an
 * {@link ApiError}. Handlers pass it to {@code RoutingContext.fail} instead of writing bodies.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ApiException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
