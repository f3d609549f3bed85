package org.livepeer.analytics.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.http.ConnectionGuard;

/**
 * One HTTP server of the gateway, on the event loop of this verticle instance: Vert.x spreads the
 * port's connections over every server listening on it. Each serves the gateway's one router, whose
 * shared parts (publisher, limits, metrics, readiness) are thread-safe.
 */
public final class HttpServerVerticle extends VerticleBase {

    private final Router router;
    private final ConnectionGuard guard;
    private final HttpServerOptions options;
    private final long shutdownTimeoutMs;
    private HttpServer server;

    public HttpServerVerticle(
            Router router,
            ConnectionGuard guard,
            HttpServerOptions options,
            long shutdownTimeoutMs) {
        this.router = router;
        this.guard = guard;
        this.options = new HttpServerOptions(options);
        this.shutdownTimeoutMs = shutdownTimeoutMs;
    }

    /** The port listened on (the real one when a random port was asked for). */
    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(options)
                .connectionHandler(guard::connected)
                .requestHandler(router)
                .listen()
                .onSuccess(s -> server = s);
    }

    /** Graceful: stop accepting connections, let the requests in progress finish (bounded). */
    @Override
    public Future<?> stop() {
        return server == null
                ? Future.succeededFuture()
                : server.shutdown(shutdownTimeoutMs, TimeUnit.MILLISECONDS);
    }
}
