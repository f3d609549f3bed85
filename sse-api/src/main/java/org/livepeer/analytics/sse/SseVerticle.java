package org.livepeer.analytics.sse;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.livepeer.analytics.http.ConnectionGuard;
import org.livepeer.analytics.http.Slots;
import org.livepeer.analytics.sse.config.SseConfig;
import org.livepeer.analytics.sse.fanout.Fanout;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.fanout.Routing;
import org.livepeer.analytics.sse.http.Auth;
import org.livepeer.analytics.sse.metrics.SseMetrics;
import org.livepeer.analytics.sse.source.Replayer;
import org.livepeer.analytics.sse.source.TailRecord;
import org.livepeer.analytics.sse.source.TopicTail;
import org.livepeer.analytics.sse.stream.Filters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: per topic one Kafka tail and its fan-out, the connection limit and the meters of the
 * instance, and {@link SseConfig#eventLoops()} {@link ShardVerticle}s, each serving the same port
 * on its own event loop. The tails start once every shard listens. Start does not wait for Kafka:
 * {@code /ready} says when the tails are connected.
 */
public final class SseVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(SseVerticle.class);

    /** Vert.x shares a random port among the servers bound to the same negative port. */
    private static final AtomicInteger RANDOM_PORT_GROUP = new AtomicInteger();

    private final SseConfig config;
    private final SseMetrics meters = new SseMetrics();
    private volatile int actualPort = -1;
    private List<TopicTail> tails = List.of();

    public SseVerticle(SseConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Future<?> start() {
        if (!config.authEnabled()) {
            LOG.warn("SSE_AUTH=none: live endpoints will be served without a read token");
        }
        Slots streams = new Slots(config.maxClients());
        ShardVerticle.Topic metrics =
                topic(
                        config.metricsTopic(),
                        "metrics",
                        Routing::metrics,
                        Filters::metrics,
                        streams);
        ShardVerticle.Topic events =
                topic(config.eventsTopic(), "events", Routing::events, Filters::events, streams);
        ConnectionGuard connections =
                new ConnectionGuard(vertx, config.limits().connections(), meters);
        meters.openConnections(connections::open);
        tails = List.of(metrics.tail(), events.tail());
        int port = config.port() == 0 ? -RANDOM_PORT_GROUP.incrementAndGet() : config.port();
        ShardVerticle.Shared shared =
                new ShardVerticle.Shared(
                        config,
                        port,
                        new Auth(config),
                        streams,
                        connections,
                        meters,
                        metrics,
                        events,
                        p -> actualPort = p);
        return vertx.deployVerticle(
                        () -> new ShardVerticle(shared),
                        new DeploymentOptions().setInstances(config.eventLoops()))
                .onSuccess(
                        id -> {
                            tails.forEach(TopicTail::start);
                            LOG.info(
                                    "SSE API listening on http://{}:{} ({} event loops)",
                                    config.host(),
                                    actualPort,
                                    config.eventLoops());
                        });
    }

    private ShardVerticle.Topic topic(
            String topic,
            String stream,
            Function<TailRecord, Routed> router,
            Function<MultiMap, Predicate<Routed>> filters,
            Slots streams) {
        Fanout fanout = new Fanout(router, streams, meters.stream(stream));
        return new ShardVerticle.Topic(
                fanout,
                new TopicTail(
                        config.kafkaBootstrapServers(),
                        config.kafkaConsumer(),
                        topic,
                        config.partitionRefreshMs(),
                        fanout),
                new Replayer(
                        config.kafkaBootstrapServers(),
                        config.kafkaConsumer(),
                        topic,
                        config.replayMaxMessages(),
                        config.limits().clientBufferBytes()),
                filters);
    }

    /** The shards (child deployments) are undeployed before this runs. */
    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(
                () -> {
                    tails.forEach(TopicTail::close);
                    meters.close();
                    return null;
                });
    }

    /** The port the server listens on (the real one when configured with 0). */
    public int actualPort() {
        if (actualPort < 0) {
            throw new IllegalStateException("the SSE API is not listening yet");
        }
        return actualPort;
    }
}
