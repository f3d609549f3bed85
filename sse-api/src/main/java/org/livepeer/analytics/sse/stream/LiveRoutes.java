package org.livepeer.analytics.sse.stream;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;
import org.livepeer.analytics.http.ApiException;
import org.livepeer.analytics.http.Slots;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.http.Auth;
import org.livepeer.analytics.sse.http.SseErrorCode;
import org.livepeer.analytics.sse.metrics.SseMetrics;
import org.livepeer.analytics.sse.metrics.SseMetrics.Rejection;

/**
 * {@code GET /v1/live/metrics} and {@code GET /v1/live/events}: checks, then the stream. One per
 * event loop; the stream limit ({@link Slots}) is the instance's, shared by all. A refusal fails
 * the request with an {@link ApiException}, which the router's failure handler writes.
 */
public final class LiveRoutes {

    /** A full instance asks clients to come back later than a not-yet-connected one. */
    private static final int FULL_RETRY_AFTER_S = 5;

    private final Auth auth;
    private final Slots slots;
    private final SseMetrics metrics;

    public LiveRoutes(Auth auth, Slots slots, SseMetrics metrics) {
        this.auth = auth;
        this.slots = slots;
        this.metrics = metrics;
    }

    public void mount(Router router, String path, LiveEndpoint endpoint, TailReadiness ready) {
        router.get(path).handler(ctx -> handle(ctx, endpoint, ready));
    }

    private void handle(RoutingContext ctx, LiveEndpoint endpoint, TailReadiness ready) {
        if (!auth.allowed(ctx)) {
            metrics.rejected(Rejection.UNAUTHORIZED);
            fail(ctx, SseErrorCode.UNAUTHORIZED, SseErrorCode.UNAUTHORIZED.defaultMessage(), 0);
            return;
        }
        Predicate<Routed> filter;
        try {
            filter = endpoint.filter(ctx);
        } catch (IllegalArgumentException e) {
            fail(ctx, SseErrorCode.INVALID_FILTER, e.getMessage(), 0);
            return;
        }
        if (!slots.tryAcquire()) {
            metrics.rejected(Rejection.LIMIT);
            fail(
                    ctx,
                    SseErrorCode.TOO_MANY_CLIENTS,
                    SseErrorCode.TOO_MANY_CLIENTS.defaultMessage(),
                    FULL_RETRY_AFTER_S);
            return;
        }
        if (!ready.ready()) {
            slots.release();
            metrics.rejected(Rejection.NOT_READY);
            fail(ctx, SseErrorCode.NOT_READY, SseErrorCode.NOT_READY.defaultMessage(), 0);
            return;
        }
        endpoint.open(ctx, filter);
    }

    private static void fail(
            RoutingContext ctx, SseErrorCode code, String message, int retryAfterSeconds) {
        ctx.fail(new ApiException(code, message, null, retryAfterSeconds));
    }

    /** Whether an endpoint's consumer is connected. */
    @FunctionalInterface
    public interface TailReadiness {
        boolean ready();
    }
}
