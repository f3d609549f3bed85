package org.livepeer.analytics.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.health.HealthRoutes;
import org.livepeer.analytics.gateway.health.ReadinessMonitor;
import org.livepeer.analytics.gateway.http.ErrorResponses;
import org.livepeer.analytics.gateway.ingest.IngestRoutes;
import org.livepeer.analytics.gateway.publish.EventPublisher;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: creates the publisher, lets each feature register its routes, and binds the HTTP
 * server. Started when the server listens; stopping closes the server, then flushes and closes the
 * Kafka clients.
 */
public final class GatewayVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

    private final GatewayConfig config;
    private final PublisherFactory publisherFactory;

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
        HealthRoutes.mount(router, readiness, errors);
        IngestRoutes.mount(router, config, publisher);
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
            readiness.stop();
        }
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.eventually(
                () -> publisher == null ? Future.succeededFuture() : publisher.close());
    }

    /** The port the server listens on (the real one when configured with 0). */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the gateway is not listening yet");
        }
        return server.actualPort();
    }
}
