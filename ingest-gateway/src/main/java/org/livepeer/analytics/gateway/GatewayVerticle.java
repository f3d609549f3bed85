package org.livepeer.analytics.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.gateway.auth.BearerAuthHandler;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.health.HealthRoutes;
import org.livepeer.analytics.gateway.health.ReadinessMonitor;
import org.livepeer.analytics.gateway.http.AccessLog;
import org.livepeer.analytics.gateway.http.ErrorResponses;
import org.livepeer.analytics.gateway.ingest.IngestHandler;
import org.livepeer.analytics.gateway.ingest.IngestRoutes;
import org.livepeer.analytics.gateway.ingest.OpenApiRoute;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;
import org.livepeer.analytics.gateway.publish.EventPublisher;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: creates the publisher, lets each feature register its routes, and binds the HTTP
 * server. Started when the server listens. Stopping is graceful: /ready turns 503, the server stops
 * accepting connections and waits (bounded) for requests in progress, whose Kafka sends then
 * finish, and only then the Kafka clients are flushed and closed.
 */
public final class GatewayVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

    private final GatewayConfig config;
    private final PublisherFactory publisherFactory;
    private final GatewayMetrics metrics = new GatewayMetrics();

    private EventPublisher publisher;
    private ReadinessMonitor readiness;
    private HttpServer server;

    /** The production gateway, publishing to Kafka. */
    public GatewayVerticle(GatewayConfig config) {
        this(config, PublisherFactory.kafka());
    }

    /** A gateway with another publisher (tests use a fake). */
    public GatewayVerticle(GatewayConfig config, PublisherFactory publisherFactory) {
        this.config = Objects.requireNonNull(config, "config");
        this.publisherFactory = Objects.requireNonNull(publisherFactory, "publisherFactory");
    }

    @Override
    public Future<?> start() {
        return publisherFactory
                .create(vertx, config)
                .compose(
                        created -> {
                            publisher = created;
                            // A failed start is not followed by stop(), so release the clients.
                            return listen().recover(
                                            err -> stop().transform(v -> Future.failedFuture(err)));
                        })
                .onSuccess(
                        s ->
                                LOG.info(
                                        "Ingest gateway listening on http://{}:{}",
                                        config.host(),
                                        s.actualPort()));
    }

    private Future<HttpServer> listen() {
        ErrorResponses errors = new ErrorResponses(config.retryAfterSeconds());
        readiness = new ReadinessMonitor(vertx, publisher::probe, config.readyCheckIntervalMs());
        Router router = Router.router(vertx);
        new AccessLog(
                        metrics,
                        config.accessLog(),
                        BearerAuthHandler.SOURCE,
                        IngestHandler.ACCEPTED,
                        IngestHandler.REJECTED)
                .install(router);
        HealthRoutes.mount(router, readiness, errors, metrics);
        OpenApiRoute.mount(router);
        IngestRoutes.mount(router, config, publisher, readiness, metrics);
        errors.install(router);
        readiness.start();
        return vertx.createHttpServer(
                        new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(router)
                .listen()
                .onSuccess(s -> server = s);
    }

    @Override
    public Future<?> stop() {
        if (readiness != null) {
            readiness.markStopping();
        }
        long started = System.nanoTime();
        Future<Void> drained =
                server == null
                        ? Future.succeededFuture()
                        : server.shutdown(config.shutdownTimeoutMs(), TimeUnit.MILLISECONDS);
        return drained.eventually(
                        () -> publisher == null ? Future.succeededFuture() : publisher.close())
                .onComplete(
                        ar ->
                                LOG.info(
                                        "Ingest gateway stopped in {} ms",
                                        TimeUnit.NANOSECONDS.toMillis(
                                                System.nanoTime() - started)));
    }

    /** The port the server listens on (the real one when configured with 0). */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the gateway is not listening yet");
        }
        return server.actualPort();
    }

    /** This gateway's metrics (what {@code GET /metrics} shows). */
    public GatewayMetrics metrics() {
        return metrics;
    }
}
