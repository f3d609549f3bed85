package org.livepeer.analytics.sse;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;
import org.livepeer.analytics.sse.config.SseConfig;
import org.livepeer.analytics.sse.health.HealthRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring only: lets each feature register its routes and binds the HTTP server. */
public final class SseVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(SseVerticle.class);

    private final SseConfig config;
    private HttpServer server;

    public SseVerticle(SseConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Future<?> start() {
        if (!config.authEnabled()) {
            LOG.warn("SSE_AUTH=none: live endpoints will be served without a read token");
        }
        Router router = Router.router(vertx);
        HealthRoutes.mount(router);
        return vertx.createHttpServer(
                        new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(router)
                .listen()
                .onSuccess(
                        s -> {
                            server = s;
                            LOG.info(
                                    "SSE API listening on http://{}:{}",
                                    config.host(),
                                    s.actualPort());
                        });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The port the server listens on (the real one when configured with 0). */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the SSE API is not listening yet");
        }
        return server.actualPort();
    }
}
