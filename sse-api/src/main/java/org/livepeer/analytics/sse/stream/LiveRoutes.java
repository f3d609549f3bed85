package org.livepeer.analytics.sse.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;
import org.livepeer.analytics.sse.fanout.ClientSlots;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.http.ApiError;
import org.livepeer.analytics.sse.http.Auth;

/**
 * {@code GET /v1/live/metrics} and {@code GET /v1/live/events}: checks, then the stream. One per
 * event loop; the connection limit ({@link ClientSlots}) is the instance's, shared by all.
 */
public final class LiveRoutes {

    private final Auth auth;
    private final ClientSlots slots;
    private final MeterRegistry registry;

    public LiveRoutes(Auth auth, ClientSlots slots, MeterRegistry registry) {
        this.auth = auth;
        this.slots = slots;
        this.registry = registry;
    }

    public void mount(Router router, String path, LiveEndpoint endpoint, TailReadiness ready) {
        router.get(path).handler(ctx -> handle(ctx, endpoint, ready));
    }

    private void handle(RoutingContext ctx, LiveEndpoint endpoint, TailReadiness ready) {
        if (!auth.allowed(ctx)) {
            reject("unauthorized");
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ApiError.send(
                    ctx,
                    401,
                    "unauthorized",
                    "a read token is required (Authorization: Bearer or access_token)");
            return;
        }
        Predicate<Routed> filter;
        try {
            filter = endpoint.filter(ctx);
        } catch (IllegalArgumentException e) {
            ApiError.send(ctx, 400, "invalid_filter", e.getMessage());
            return;
        }
        if (!slots.tryAcquire()) {
            reject("limit");
            ctx.response().putHeader("Retry-After", "5");
            ApiError.send(ctx, 503, "too_many_clients", "connection limit reached");
            return;
        }
        if (!ready.ready()) {
            slots.release();
            reject("not_ready");
            ctx.response().putHeader("Retry-After", "2");
            ApiError.send(ctx, 503, "not_ready", "the Kafka consumer is not connected yet");
            return;
        }
        endpoint.open(ctx, filter);
    }

    private void reject(String reason) {
        registry.counter("sse_connections_rejected_total", "reason", reason).increment();
    }

    /** Whether an endpoint's consumer is connected. */
    @FunctionalInterface
    public interface TailReadiness {
        boolean ready();
    }
}
