package org.livepeer.analytics.sse;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.livepeer.analytics.http.ConnectionGuard;
import org.livepeer.analytics.http.ErrorCode;
import org.livepeer.analytics.http.ErrorResponses;
import org.livepeer.analytics.http.MethodGate;
import org.livepeer.analytics.http.Slots;
import org.livepeer.analytics.http.health.HealthRoutes;
import org.livepeer.analytics.http.health.Readiness;
import org.livepeer.analytics.sse.config.SseConfig;
import org.livepeer.analytics.sse.fanout.Fanout;
import org.livepeer.analytics.sse.fanout.Hub;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.fanout.Subscriber;
import org.livepeer.analytics.sse.http.Auth;
import org.livepeer.analytics.sse.http.CorsSetup;
import org.livepeer.analytics.sse.http.SseErrorCode;
import org.livepeer.analytics.sse.metrics.SseMetrics;
import org.livepeer.analytics.sse.source.Replayer;
import org.livepeer.analytics.sse.source.TopicTail;
import org.livepeer.analytics.sse.stream.LiveEndpoint;
import org.livepeer.analytics.sse.stream.LiveRoutes;
import org.livepeer.analytics.sse.web.DashboardRoutes;

/**
 * Wiring of one event loop: an HTTP server instance sharing the port with the other shards (Vert.x
 * hands each new connection to the next one), and a hub per topic for the clients it accepted. The
 * topic tails, the connection and stream limits and the meters belong to the instance ({@link
 * SseVerticle}).
 */
final class ShardVerticle extends VerticleBase {

    /** {@code Retry-After} of a 503 that names none: the consumer is connecting. */
    private static final int NOT_READY_RETRY_AFTER_S = 2;

    private final Shared shared;
    private HttpServer server;
    private List<Hub> hubs = List.of();
    private long heartbeatTimer = -1;

    ShardVerticle(Shared shared) {
        this.shared = shared;
    }

    @Override
    public Future<?> start() {
        Hub metricsHub = shared.metrics().fanout().newHub(context);
        Hub eventsHub = shared.events().fanout().newHub(context);
        hubs = List.of(metricsHub, eventsHub);
        SseConfig config = shared.config();

        SseMetrics meters = shared.meters();
        Router router = Router.router(vertx);
        // Ahead of every route, in this order: a refused connection's request reaches nothing;
        // methods are answered before auth, CORS or files.
        shared.connections().install(router);
        MethodGate.only(
                        Set.of(HttpMethod.GET, HttpMethod.OPTIONS),
                        SseErrorCode.METHOD_NOT_ALLOWED,
                        SseErrorCode.METHOD_NOT_IMPLEMENTED,
                        code -> meters.rejected(rejection(code)))
                .install(router);
        ErrorResponses errors =
                new ErrorResponses(NOT_READY_RETRY_AFTER_S, SseErrorCode::forStatus);
        CorsSetup.mount(router, config.corsOrigins());
        HealthRoutes.mount(
                router,
                readiness(List.of(shared.metrics().tail(), shared.events().tail())),
                SseErrorCode.NOT_READY,
                errors,
                meters::scrape);
        LiveRoutes live = new LiveRoutes(shared.auth(), shared.streams(), meters);
        live.mount(
                router,
                "/v1/live/metrics",
                endpoint(metricsHub, shared.metrics()),
                shared.metrics().tail()::ready);
        live.mount(
                router,
                "/v1/live/events",
                endpoint(eventsHub, shared.events()),
                shared.events().tail()::ready);
        DashboardRoutes.mount(router);
        errors.install(router);

        heartbeatTimer =
                vertx.setPeriodic(config.heartbeatMs(), id -> hubs.forEach(Hub::heartbeat));
        return vertx.createHttpServer(
                        new HttpServerOptions()
                                .setHost(config.host())
                                .setPort(shared.port())
                                .setAcceptBacklog(16_384)
                                // HTTP/1.1 only: h2c detection would hold each connection back
                                // from the connection handler (cap, deadline) until bytes arrive.
                                .setHttp2ClearTextEnabled(false)
                                .setIdleTimeout((int) config.limits().idleTimeoutMs())
                                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
                .connectionHandler(shared.connections()::connected)
                .requestHandler(router)
                .listen()
                .onSuccess(
                        s -> {
                            server = s;
                            shared.onListening().accept(s.actualPort());
                        });
    }

    /** Ready when every topic's consumer is assigned and polling. */
    private static Readiness readiness(List<TopicTail> tails) {
        return () -> {
            List<String> waiting =
                    tails.stream().filter(t -> !t.ready()).map(TopicTail::topic).toList();
            return waiting.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            "Kafka consumer not connected yet: " + String.join(", ", waiting));
        };
    }

    private static SseMetrics.Rejection rejection(ErrorCode refused) {
        return refused == SseErrorCode.METHOD_NOT_ALLOWED
                ? SseMetrics.Rejection.METHOD_NOT_ALLOWED
                : SseMetrics.Rejection.METHOD_NOT_IMPLEMENTED;
    }

    private LiveEndpoint endpoint(Hub hub, Topic topic) {
        return new LiveEndpoint(
                vertx,
                hub,
                topic.replayer(),
                topic.filters(),
                new Subscriber.Limits(
                        shared.config().clientBufferMessages(),
                        shared.config().limits().clientBufferBytes()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(heartbeatTimer);
        shared.metrics().fanout().removeHub(hubs.get(0));
        shared.events().fanout().removeHub(hubs.get(1));
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** One topic's instance-wide parts. */
    record Topic(
            Fanout fanout,
            TopicTail tail,
            Replayer replayer,
            Function<MultiMap, Predicate<Routed>> filters) {}

    /**
     * What every shard shares.
     *
     * @param streams the limit on open streams (SSE_MAX_CLIENTS)
     * @param connections the limits on TCP connections
     * @param port the port to listen on; a negative one is a random port shared by the shards
     * @param onListening receives the real port once a shard listens
     */
    record Shared(
            SseConfig config,
            int port,
            Auth auth,
            Slots streams,
            ConnectionGuard connections,
            SseMetrics meters,
            Topic metrics,
            Topic events,
            IntConsumer onListening) {}
}
