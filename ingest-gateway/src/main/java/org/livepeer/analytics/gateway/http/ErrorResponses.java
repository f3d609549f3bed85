package org.livepeer.analytics.gateway.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of the router (our {@link ApiException}s, Vert.x's own 404/405/413/415, and
 * unexpected exceptions) into one {@link ApiError} body, so no handler builds error JSON.
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final int retryAfterSeconds;

    public ErrorResponses(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Installs the failure handler and the handlers for unmatched routes. */
    public void install(Router router) {
        router.route().failureHandler(this::handleFailure);
        router.errorHandler(404, ctx -> send(ctx, ErrorCode.NOT_FOUND, "no such endpoint"));
        router.errorHandler(
                405, ctx -> send(ctx, ErrorCode.METHOD_NOT_ALLOWED, "method not allowed here"));
    }

    /** Ends the response with {@code code} and {@code message}. */
    public void send(RoutingContext ctx, ErrorCode code, String message) {
        send(ctx, code, message, retryAfterSeconds);
    }

    private void send(RoutingContext ctx, ErrorCode code, String message, int retryAfter) {
        if (code.retryable()) {
            ctx.response().putHeader("Retry-After", Integer.toString(retryAfter));
        }
        if (code == ErrorCode.UNAUTHORIZED) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        JsonResponses.send(ctx, code.status(), ApiError.of(code, message));
    }

    private void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            int retryAfter =
                    api.retryAfterSeconds() > 0 ? api.retryAfterSeconds() : retryAfterSeconds;
            send(ctx, api.code(), api.getMessage(), retryAfter);
            return;
        }
        int status = ctx.statusCode();
        if (status > 0 && status != 500) {
            ErrorCode code = ErrorCode.forStatus(status);
            send(ctx, code, defaultMessage(code));
            return;
        }
        LOG.error(
                "Unexpected failure on {} {}",
                ctx.request().method(),
                ctx.request().path(),
                failure);
        send(ctx, ErrorCode.INTERNAL_ERROR, "internal error");
    }

    private static String defaultMessage(ErrorCode code) {
        return switch (code) {
            case PAYLOAD_TOO_LARGE -> "request body exceeds the configured limit";
            case UNSUPPORTED_MEDIA_TYPE ->
                    "Content-Type must be application/json or application/x-ndjson";
            case NOT_FOUND -> "no such endpoint";
            case METHOD_NOT_ALLOWED -> "method not allowed here";
            default -> code.wire();
        };
    }
}
