package org.livepeer.analytics.gateway.health;

import io.vertx.ext.web.Router;
import org.livepeer.analytics.gateway.http.ErrorCode;
import org.livepeer.analytics.gateway.http.ErrorResponses;
import org.livepeer.analytics.gateway.http.JsonResponses;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;

/**
 * {@code GET /health}: 200 while the verticle runs. {@code GET /ready}: 200 only while Kafka is
 * reachable and the gateway is not stopping, else 503 {@code not_ready} with {@code Retry-After}.
 * {@code GET /metrics}: Prometheus text format.
 */
public final class HealthRoutes {

    /** The Prometheus text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private HealthRoutes() {}

    public static void mount(
            Router router,
            ReadinessMonitor readiness,
            ErrorResponses errors,
            GatewayMetrics metrics) {
        router.get("/health").handler(ctx -> JsonResponses.send(ctx, 200, new HealthStatus("up")));
        router.get("/ready")
                .handler(
                        ctx -> {
                            if (readiness.ready()) {
                                JsonResponses.send(ctx, 200, new HealthStatus("ready"));
                            } else {
                                errors.send(ctx, ErrorCode.NOT_READY, readiness.reason());
                            }
                        });
        router.get("/metrics")
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader("Content-Type", PROMETHEUS_TEXT)
                                        .end(metrics.scrape()));
    }
}
