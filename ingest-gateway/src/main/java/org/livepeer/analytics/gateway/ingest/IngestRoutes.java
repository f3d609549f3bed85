package org.livepeer.analytics.gateway.ingest;

import io.vertx.ext.web.Router;
import org.livepeer.analytics.gateway.auth.BearerAuthHandler;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.health.ReadinessMonitor;
import org.livepeer.analytics.gateway.limit.InflightLimit;
import org.livepeer.analytics.gateway.limit.KeyRateLimiter;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;
import org.livepeer.analytics.gateway.publish.EventPublisher;

/**
 * Registers {@code POST /v1/events}: auth, header checks (media type, encoding, declared length,
 * rate limit), body reading (bounded, gzip inflated as it streams), then ingest. Everything before
 * the body reader is synchronous, so no body byte arrives before the reader's handlers are set.
 */
public final class IngestRoutes {

    public static final String PATH = "/v1/events";

    private IngestRoutes() {}

    /** Adds the ingest route to {@code router}. */
    public static void mount(
            Router router,
            GatewayConfig config,
            EventPublisher publisher,
            ReadinessMonitor readiness,
            GatewayMetrics metrics) {
        KeyRateLimiter rateLimiter = new KeyRateLimiter(config.rateLimit());
        InflightLimit inflight = new InflightLimit(config.maxInflightEvents());
        metrics.inflight(inflight::current);
        RequestChecks checks = new RequestChecks(config.maxBodyBytes(), rateLimiter, metrics);
        router.post(PATH)
                .handler(BearerAuthHandler.forConfig(config))
                .handler(checks::headers)
                .handler(checks::rateLimit)
                .handler(new BodyReader(config.maxBodyBytes()))
                .handler(
                        new IngestHandler(
                                publisher,
                                config.maxEvents(),
                                readiness,
                                rateLimiter,
                                inflight,
                                metrics));
    }
}
