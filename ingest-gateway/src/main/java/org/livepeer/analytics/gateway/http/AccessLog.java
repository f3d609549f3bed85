package org.livepeer.analytics.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;
import org.livepeer.analytics.http.MethodGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request into {@code gateway_request_duration_seconds} (tags bounded: unknown methods
 * and paths are {@code other}) and, when enabled, writes one {@code key=value} line per request to
 * the logger {@value #LOGGER}: method, path, status, bytes in and out, events accepted and
 * rejected, latency, and the API key's name (never the key).
 */
public final class AccessLog {

    /** The access log's logger name, so operators can route or silence it on its own. */
    public static final String LOGGER = "org.livepeer.analytics.gateway.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** Paths reported as they are; anything else is {@code other}, bounding metric series. */
    private static final Set<String> ROUTES =
            Set.of("/v1/events", "/health", "/ready", "/metrics", "/openapi.json");

    private final GatewayMetrics metrics;
    private final boolean enabled;

    /** Routing-context keys other features fill (http does not depend on them). */
    private final String sourceKey;

    private final String acceptedKey;
    private final String rejectedKey;

    public AccessLog(
            GatewayMetrics metrics,
            boolean enabled,
            String sourceKey,
            String acceptedKey,
            String rejectedKey) {
        this.metrics = metrics;
        this.enabled = enabled;
        this.sourceKey = sourceKey;
        this.acceptedKey = acceptedKey;
        this.rejectedKey = rejectedKey;
    }

    /** Installs the timing handler ahead of every route. */
    public void install(Router router) {
        router.route().order(-1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(ar -> ended(ctx, start));
        ctx.next();
    }

    private void ended(RoutingContext ctx, long start) {
        long nanos = System.nanoTime() - start;
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        String path = request.path();
        String route = ROUTES.contains(path) ? path : "other";
        String method = MethodGate.tag(request.method());
        metrics.request(method, route, response.getStatusCode(), nanos);
        if (!enabled || !LOG.isInfoEnabled()) {
            return;
        }
        Object source = ctx.get(sourceKey);
        LOG.info(
                "method={} path={} status={} bytes_in={} bytes_out={} accepted={} rejected={}"
                        + " latency_ms={} source={} remote={}",
                method,
                route,
                response.getStatusCode(),
                request.bytesRead(),
                response.bytesWritten(),
                count(ctx.get(acceptedKey)),
                count(ctx.get(rejectedKey)),
                String.format("%.3f", nanos / (double) TimeUnit.MILLISECONDS.toNanos(1)),
                source == null ? "-" : source,
                request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress());
    }

    private static Object count(Object value) {
        return value == null ? 0 : value;
    }
}
