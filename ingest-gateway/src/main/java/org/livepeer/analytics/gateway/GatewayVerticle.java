package org.livepeer.analytics.gateway;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.gateway.auth.BearerAuthHandler;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.health.ReadinessMonitor;
import org.livepeer.analytics.gateway.http.AccessLog;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.gateway.http.HttpServerVerticle;
import org.livepeer.analytics.gateway.ingest.IngestHandler;
import org.livepeer.analytics.gateway.ingest.IngestRoutes;
import org.livepeer.analytics.gateway.ingest.OpenApiRoute;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;
import org.livepeer.analytics.gateway.publish.EventPublisher;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.http.ConnectionGuard;
import org.livepeer.analytics.http.ErrorResponses;
import org.livepeer.analytics.http.MethodGate;
import org.livepeer.analytics.http.health.HealthRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: creates the publisher, lets each feature register its routes, and binds the HTTP
 * servers (one per configured event loop, a child deployment). Started when the servers listen.
 * Stopping is graceful: the servers stop accepting connections and wait (bounded) for requests in
 * progress, whose Kafka sends then finish; only then /ready turns 503 and the Kafka clients are
 * flushed and closed.
 */
public final class GatewayVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

    private static final int SHARED_RANDOM_PORT = -1;

    private final GatewayConfig config;
    private final PublisherFactory publisherFactory;
    private final GatewayMetrics metrics = new GatewayMetrics();

    private EventPublisher publisher;
    private ReadinessMonitor readiness;
    private String serversDeployment;
    private int port = -1;

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
                        p ->
                                LOG.info(
                                        "Ingest gateway listening on http://{}:{} ({} event"
                                                + " loop(s))",
                                        config.host(),
                                        p,
                                        config.eventLoops()));
    }

    /** Starts the servers; the future holds the port they listen on. */
    private Future<Integer> listen() {
        ErrorResponses errors =
                new ErrorResponses(config.retryAfterSeconds(), GatewayErrorCode::forStatus);
        readiness = new ReadinessMonitor(vertx, publisher::probe, config.readyCheckIntervalMs());
        ConnectionGuard guard = new ConnectionGuard(vertx, config.connectionLimits(), metrics);
        metrics.openConnections(guard::open);
        Router router = Router.router(vertx);
        // Ahead of every route, in this order: a refused connection's request reaches nothing,
        // and the access log times the method gate's refusals.
        guard.install(router);
        new AccessLog(
                        metrics,
                        config.accessLog(),
                        BearerAuthHandler.SOURCE,
                        IngestHandler.ACCEPTED,
                        IngestHandler.REJECTED)
                .install(router);
        // Unknown methods are 405 like a known one a route does not take (docs/ingest-api.md).
        MethodGate.knownOnly(GatewayErrorCode.METHOD_NOT_ALLOWED, code -> {}).install(router);
        HealthRoutes.mount(router, readiness, GatewayErrorCode.NOT_READY, errors, metrics::scrape);
        OpenApiRoute.mount(router);
        IngestRoutes.mount(router, config, publisher, readiness, metrics);
        errors.install(router);
        readiness.start();
        // Vert.x spreads a port's connections over the servers listening on it, one event loop
        // each. Port 0 would give each server a port of its own; a negative port asks Vert.x for
        // one random port shared by every server that names the same negative number. No h2c:
        // ConnectionGuard times one request at a time per connection, which HTTP/2's concurrent
        // streams would defeat.
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost(config.host())
                        .setPort(config.port() == 0 ? SHARED_RANDOM_PORT : config.port())
                        .setHttp2ClearTextEnabled(false)
                        .setIdleTimeout((int) config.connectionLimits().idleTimeoutMs())
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(
                        () -> {
                            HttpServerVerticle v =
                                    new HttpServerVerticle(
                                            router, guard, options, config.shutdownTimeoutMs());
                            servers.add(v);
                            return v;
                        },
                        new DeploymentOptions().setInstances(config.eventLoops()))
                .map(
                        id -> {
                            serversDeployment = id;
                            port = servers.get(0).actualPort();
                            return port;
                        });
    }

    @Override
    public Future<?> stop() {
        if (readiness != null) {
            readiness.markStopping();
        }
        long started = System.nanoTime();
        // The servers are a child deployment: undeploying this verticle undeploys them first,
        // each shutting down gracefully (HttpServerVerticle#stop); a failed start stops them here.
        Future<Void> drained =
                serversDeployment != null && vertx.deploymentIDs().contains(serversDeployment)
                        ? vertx.undeploy(serversDeployment)
                        : Future.succeededFuture();
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
        if (port < 0) {
            throw new IllegalStateException("the gateway is not listening yet");
        }
        return port;
    }

    /** This gateway's metrics (what {@code GET /metrics} shows). */
    public GatewayMetrics metrics() {
        return metrics;
    }
}
