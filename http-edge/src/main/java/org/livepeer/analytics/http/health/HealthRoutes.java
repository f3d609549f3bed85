package org.livepeer.analytics.http.health;

import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.function.Supplier;
import org.livepeer.analytics.http.ErrorCode;
import org.livepeer.analytics.http.ErrorResponses;
import org.livepeer.analytics.http.JsonResponses;

/**
 * The operations endpoints of both services, in one shape. {@code GET /health}: 200 {@code
 * {"status":"up"}} while the process runs. {@code GET /ready}: 200 {@code {"status":"ready"}}, or
 * the service's {@code not_ready} error (503, {@code Retry-After}, the reason as its message).
 * {@code GET /metrics}: Prometheus text format.
 */
public final class HealthRoutes {

    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private HealthRoutes() {}

    /**
     * @param notReady the service's code for a 503 from {@code /ready}
     * @param scrape the Prometheus text of the service's meters
     */
    public static void mount(
            Router router,
            Readiness readiness,
            ErrorCode notReady,
            ErrorResponses errors,
            Supplier<String> scrape) {
        router.get("/health").handler(ctx -> JsonResponses.send(ctx, 200, new HealthStatus("up")));
        router.get("/ready")
                .handler(
                        ctx -> {
                            Optional<String> why = readiness.notReadyBecause();
                            if (why.isEmpty()) {
                                JsonResponses.send(ctx, 200, new HealthStatus("ready"));
                            } else {
                                errors.send(ctx, notReady, why.get());
                            }
                        });
        router.get("/metrics")
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader("Content-Type", PROMETHEUS_TEXT)
                                        .end(scrape.get()));
    }
}
