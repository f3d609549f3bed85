package org.livepeer.analytics.sse;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.livepeer.analytics.config.ConfigException;
import org.livepeer.analytics.sse.config.SseConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: environment → config → Vert.x → deploy; exits non-zero if start fails. */
public final class SseMain {

    private static final Logger LOG = LoggerFactory.getLogger(SseMain.class);
    private static final long STOP_TIMEOUT_S = 30;

    private SseMain() {}

    public static void main(String[] args) {
        SseConfig config;
        try {
            config = SseConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("Starting with {}", config);
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new SseVerticle(config)).await();
        } catch (Exception e) {
            // await() rethrows the cause as is, checked ones (e.g. BindException) included.
            LOG.error("SSE API failed to start: {}", e.getMessage(), e);
            closeQuietly(vertx);
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(vertx), "sse-shutdown"));
    }

    private static void closeQuietly(Vertx vertx) {
        try {
            vertx.close().await(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("Vert.x did not stop cleanly: {}", e.getMessage());
        }
    }
}
