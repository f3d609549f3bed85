package org.livepeer.analytics.sse;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.livepeer.analytics.sse.config.SseConfig;
import org.livepeer.analytics.sse.fanout.Hub;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.fanout.Routing;
import org.livepeer.analytics.sse.health.HealthRoutes;
import org.livepeer.analytics.sse.http.Auth;
import org.livepeer.analytics.sse.http.CorsSetup;
import org.livepeer.analytics.sse.source.Replayer;
import org.livepeer.analytics.sse.source.TopicTail;
import org.livepeer.analytics.sse.stream.Filters;
import org.livepeer.analytics.sse.stream.LiveEndpoint;
import org.livepeer.analytics.sse.stream.LiveRoutes;
import org.livepeer.analytics.sse.web.DashboardRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: one hub and one Kafka tail per topic, the routes of each feature, the HTTP server.
 * Start does not wait for Kafka: {@code /ready} says when the tails are connected.
 */
public final class SseVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(SseVerticle.class);

    private final SseConfig config;
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HttpServer server;
    private List<TopicTail> tails = List.of();
    private long heartbeatTimer = -1;

    public SseVerticle(SseConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Future<?> start() {
        if (!config.authEnabled()) {
            LOG.warn("SSE_AUTH=none: live endpoints will be served without a read token");
        }
        Hub metricsHub = new Hub("metrics", Routing::metrics, registry);
        Hub eventsHub = new Hub("events", Routing::events, registry);
        TopicTail metricsTail = tail(config.metricsTopic(), metricsHub);
        TopicTail eventsTail = tail(config.eventsTopic(), eventsHub);
        tails = List.of(metricsTail, eventsTail);
        LiveEndpoint metrics = endpoint(metricsHub, metricsTail, Filters::metrics);
        LiveEndpoint events = endpoint(eventsHub, eventsTail, Filters::events);

        Router router = Router.router(vertx);
        CorsSetup.mount(router, config.corsOrigins());
        HealthRoutes.mount(router, tails, registry);
        LiveRoutes live =
                new LiveRoutes(
                        new Auth(config), config.maxClients(), registry, List.of(metrics, events));
        live.mount(router, "/v1/live/metrics", metrics, metricsTail::ready);
        live.mount(router, "/v1/live/events", events, eventsTail::ready);
        DashboardRoutes.mount(router);

        heartbeatTimer =
                vertx.setPeriodic(
                        config.heartbeatMs(),
                        id -> {
                            metricsHub.heartbeat();
                            eventsHub.heartbeat();
                        });
        tails.forEach(TopicTail::start);
        return vertx.createHttpServer(
                        new HttpServerOptions()
                                .setHost(config.host())
                                .setPort(config.port())
                                .setAcceptBacklog(16_384))
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

    private TopicTail tail(String topic, Hub hub) {
        return new TopicTail(config.kafkaBootstrapServers(), topic, context, hub::dispatch);
    }

    private LiveEndpoint endpoint(
            Hub hub, TopicTail tail, Function<MultiMap, Predicate<Routed>> filters) {
        return new LiveEndpoint(
                vertx,
                hub,
                tail,
                new Replayer(
                        config.kafkaBootstrapServers(), tail.topic(), config.replayMaxMessages()),
                filters,
                config.clientBufferMessages());
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(heartbeatTimer);
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(
                v ->
                        vertx.executeBlocking(
                                () -> {
                                    tails.forEach(TopicTail::close);
                                    registry.close();
                                    return null;
                                }));
    }

    /** The port the server listens on (the real one when configured with 0). */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the SSE API is not listening yet");
        }
        return server.actualPort();
    }
}
