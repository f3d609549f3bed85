package org.livepeer.analytics.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** A Vert.x HTTP server on a free port serving one router; closed with its Vert.x. */
public final class TestServer implements AutoCloseable {

    public final Vertx vertx = Vertx.vertx();
    public final Router router = Router.router(vertx);
    private HttpServer server;

    /** Starts listening; call after the routes are added. */
    public TestServer listen(Handler<HttpConnection> connections, long idleTimeoutMs)
            throws Exception {
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost("127.0.0.1")
                        .setPort(0)
                        // As both services: h2c detection would hold a connection back from the
                        // connection handler until its request's headers are in.
                        .setHttp2ClearTextEnabled(false)
                        .setIdleTimeout((int) idleTimeoutMs)
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        server =
                vertx.createHttpServer(options)
                        .connectionHandler(connections)
                        .requestHandler(router)
                        .listen()
                        .await(30, TimeUnit.SECONDS);
        return this;
    }

    public TestServer listen() throws Exception {
        return listen(c -> {}, 60_000);
    }

    public int port() {
        return server.actualPort();
    }

    public HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
