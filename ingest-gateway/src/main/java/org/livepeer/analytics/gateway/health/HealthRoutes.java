package org.livepeer.analytics.gateway.health;

import io.vertx.ext.web.Router;
import org.livepeer.analytics.gateway.http.ErrorCode;
import org.livepeer.analytics.gateway.http.ErrorResponses;
import org.livepeer.analytics.gateway.http.JsonResponses;

/**
 * {@code GET /health}: 200 while the verticle runs. {@code GET /ready}: 200 only while Kafka is
 * reachable, else 503 {@code not_ready} with {@code Retry-After}.
 */
public final class HealthRoutes {

    private HealthRoutes() {}

    public static void mount(Router router, ReadinessMonitor readiness, ErrorResponses errors) {
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
    }
}
