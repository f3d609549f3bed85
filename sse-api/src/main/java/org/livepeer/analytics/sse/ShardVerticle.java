package org.livepeer.analytics.sse;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.livepeer.analytics.sse.config.SseConfig;
import org.livepeer.analytics.sse.fanout.ClientSlots;
import org.livepeer.analytics.sse.fanout.Fanout;
import org.livepeer.analytics.sse.fanout.Hub;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.fanout.Subscriber;
import org.livepeer.analytics.sse.health.HealthRoutes;
import org.livepeer.analytics.sse.http.ApiError;
import org.livepeer.analytics.sse.http.Auth;
import org.livepeer.analytics.sse.http.ConnectionGuard;
import org.livepeer.analytics.sse.http.CorsSetup;
import org.livepeer.analytics.sse.http.MethodGate;
import org.livepeer.analytics.sse.source.Replayer;
import org.livepeer.analytics.sse.source.TopicTail;
import org.livepeer.analytics.sse.stream.LiveEndpoint;
import org.livepeer.analytics.sse.stream.LiveRoutes;
import org.livepeer.analytics.sse.web.DashboardRoutes;

/**
 * Wiring of one event loop: an HTTP server instance sharing the port with the other shards (Vert.x
 * hands each new connection to the next one), and a hub per topic for the clients it accepted. The
 * topic tails, the connection limit and the meters belong to the instance ({@link SseVerticle}).
 */
final class ShardVerticle extends VerticleBase {

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

        Router router = Router.router(vertx);
        ConnectionGuard.Shard connections = shared.connections().shard(vertx);
        router.route().handler(connections::requestArrived);
        router.route().handler(new MethodGate(shared.registry())::handle);
        router.errorHandler(404, ctx -> ApiError.send(ctx, 404, "not_found", "no such resource"));
        CorsSetup.mount(router, config.corsOrigins());
        HealthRoutes.mount(
                router,
                List.of(shared.metrics().tail(), shared.events().tail()),
                shared.registry());
        LiveRoutes live = new LiveRoutes(shared.auth(), shared.slots(), shared.registry());
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
                .connectionHandler(connections::accept)
                .requestHandler(router)
                .listen()
                .onSuccess(
                        s -> {
                            server = s;
                            shared.onListening().accept(s.actualPort());
                        });
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
     * @param port the port to listen on; a negative one is a random port shared by the shards
     * @param onListening receives the real port once a shard listens
     */
    record Shared(
            SseConfig config,
            int port,
            Auth auth,
            ClientSlots slots,
            ConnectionGuard connections,
            PrometheusMeterRegistry registry,
            Topic metrics,
            Topic events,
            IntConsumer onListening) {}
}
