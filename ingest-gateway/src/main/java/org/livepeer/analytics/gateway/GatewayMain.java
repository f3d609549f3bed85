package org.livepeer.analytics.gateway;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.livepeer.analytics.config.ConfigException;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: environment → config → Vert.x → deploy; exits non-zero if start fails. */
public final class GatewayMain {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);
    private static final long STOP_TIMEOUT_S = 30;

    private GatewayMain() {}

    public static void main(String[] args) {
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("Starting with {}", config);
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new GatewayVerticle(config)).await();
        } catch (Exception e) {
            // await() rethrows the cause as is, checked ones (e.g. BindException) included.
            LOG.error("Ingest gateway failed to start: {}", e.getMessage(), e);
            closeQuietly(vertx);
            System.exit(1);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> closeQuietly(vertx), "gateway-shutdown"));
    }

    private static void closeQuietly(Vertx vertx) {
        try {
            vertx.close().await(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("Vert.x did not stop cleanly: {}", e.getMessage());
        }
    }
}
