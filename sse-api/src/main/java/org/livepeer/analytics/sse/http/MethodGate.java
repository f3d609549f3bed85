package org.livepeer.analytics.sse.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Answers every method the API does not serve before any other handler runs (auth, CORS, files):
 * 405 for a standard HTTP method, 501 for one HTTP does not define, both as the API's error JSON.
 * The counters are tagged by these two outcomes only, never by the method a client sent, so clients
 * cannot grow the set of series.
 */
public final class MethodGate {

    private static final Set<HttpMethod> SERVED = Set.of(HttpMethod.GET, HttpMethod.OPTIONS);
    private static final String ALLOW = "GET, OPTIONS";

    private final Counter notAllowed;
    private final Counter notImplemented;

    public MethodGate(MeterRegistry registry) {
        this.notAllowed =
                registry.counter("sse_connections_rejected_total", "reason", "method_not_allowed");
        this.notImplemented =
                registry.counter(
                        "sse_connections_rejected_total", "reason", "method_not_implemented");
    }

    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (SERVED.contains(method)) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Allow", ALLOW);
        if (HttpMethod.values().contains(method)) {
            notAllowed.increment();
            ApiError.send(ctx, 405, "method_not_allowed", "only GET and OPTIONS are served");
        } else {
            notImplemented.increment();
            ApiError.send(ctx, 501, "method_not_implemented", "unknown HTTP method");
        }
    }
}
