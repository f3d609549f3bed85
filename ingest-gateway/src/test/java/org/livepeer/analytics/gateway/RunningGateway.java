package org.livepeer.analytics.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.publish.PublisherFactory;

/** A gateway verticle on a free port in its own Vert.x, stopped by {@link #close()}. */
public final class RunningGateway implements AutoCloseable {

    /** Keys every HTTP test can use. */
    public static final String KEYS = "fra:key-fra-0123456789,nyc:key-nyc-0123456789";

    public static final String FRA_KEY = "key-fra-0123456789";

    private final Vertx vertx;
    private final GatewayVerticle verticle;
    private final String deploymentId;

    private RunningGateway(Vertx vertx, GatewayVerticle verticle, String deploymentId) {
        this.vertx = vertx;
        this.verticle = verticle;
        this.deploymentId = deploymentId;
    }

    /** Test defaults (port 0, the two test keys, fast readiness checks) plus {@code env}. */
    public static GatewayConfig config(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("GATEWAY_PORT", "0");
        all.put("INGEST_API_KEYS", KEYS);
        all.put("READY_CHECK_INTERVAL_MS", "100");
        all.putAll(env);
        return GatewayConfig.fromEnv(all);
    }

    public static RunningGateway start(GatewayConfig config, PublisherFactory publishers)
            throws TimeoutException {
        Vertx vertx = Vertx.vertx();
        GatewayVerticle verticle = new GatewayVerticle(config, publishers);
        String id = vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
        return new RunningGateway(vertx, verticle, id);
    }

    /** Starts with a fake publisher that is always reachable unless told otherwise. */
    public static RunningGateway start(GatewayConfig config, FakePublisher fake)
            throws TimeoutException {
        return start(config, (vertx, cfg) -> Future.succeededFuture(fake));
    }

    public int port() {
        return verticle.actualPort();
    }

    /** The /metrics text, read without opening a connection. */
    public String metricsText() {
        return verticle.metrics().scrape();
    }

    public GatewayClient client() {
        return new GatewayClient(port());
    }

    /** Undeploys the verticle (what a graceful stop does) and closes Vert.x. */
    @Override
    public void close() throws TimeoutException {
        try {
            vertx.undeploy(deploymentId).await(30, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
