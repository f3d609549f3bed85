package org.livepeer.analytics.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a router (our {@link ApiException}s, Vert.x's own 404/405/413/415, and
 * unexpected exceptions) into one {@link ApiError} body, so no handler builds error JSON.
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final int retryAfterSeconds;
    private final IntFunction<ErrorCode> forStatus;

    /**
     * @param retryAfterSeconds the {@code Retry-After} of a retryable answer whose failure does not
     *     name one
     * @param forStatus the service's code for a status Vert.x set itself (body limit, unmatched
     *     route, a handler's {@code fail(int)}); 500 must give the internal-error code
     */
    public ErrorResponses(int retryAfterSeconds, IntFunction<ErrorCode> forStatus) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
        }
        this.retryAfterSeconds = retryAfterSeconds;
        this.forStatus = forStatus;
    }

    /** Installs the failure handler and the handlers for unmatched routes. */
    public void install(Router router) {
        router.route().failureHandler(this::handleFailure);
        router.errorHandler(404, ctx -> send(ctx, forStatus.apply(404)));
        router.errorHandler(405, ctx -> send(ctx, forStatus.apply(405)));
    }

    /** Ends the response with {@code code} and its default message. */
    public Future<Void> send(RoutingContext ctx, ErrorCode code) {
        return send(ctx, code, code.defaultMessage());
    }

    /** Ends the response with {@code code} and {@code message}. */
    public Future<Void> send(RoutingContext ctx, ErrorCode code, String message) {
        return send(ctx, code, message, retryAfterSeconds);
    }

    private Future<Void> send(RoutingContext ctx, ErrorCode code, String message, int retryAfter) {
        if (code.retryable()) {
            ctx.response().putHeader("Retry-After", Integer.toString(retryAfter));
        }
        if (code.status() == 401) {
            // Both services take bearer tokens (RFC 6750, section 3).
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        return JsonResponses.send(ctx, code.status(), ApiError.of(code, message));
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
            send(ctx, forStatus.apply(status));
            return;
        }
        LOG.error(
                "Unexpected failure on {} {}",
                ctx.request().method(),
                ctx.request().path(),
                failure);
        send(ctx, forStatus.apply(500));
    }
}
