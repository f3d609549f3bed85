package org.livepeer.analytics.http;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.livepeer.analytics.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of each Vert.x service, run from its {@code main}: environment → config → Vert.x
 * → deploy → shutdown hook. Exits 2 on a bad setting (the message names it, docs/configuration.md)
 * and 1 when the service fails to start.
 */
public final class ServiceMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);
    private static final long STOP_TIMEOUT_S = 30;

    private ServiceMain() {}

    /**
     * @param service the name in log lines and in the shutdown thread's name
     * @param config reads and validates the service's config from the environment
     * @param verticle the service's verticle for that config
     */
    public static <C> void run(
            String service,
            Function<Map<String, String>, C> config,
            Function<C, Deployable> verticle) {
        C loaded;
        try {
            loaded = config.apply(System.getenv());
        } catch (ConfigException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("Starting {} with {}", service, loaded);
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(verticle.apply(loaded)).await();
        } catch (Exception e) {
            // await() rethrows the cause as is, checked ones (e.g. BindException) included.
            LOG.error("{} failed to start: {}", service, e.getMessage(), e);
            closeQuietly(vertx);
            System.exit(1);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> closeQuietly(vertx), service + "-shutdown"));
    }

    private static void closeQuietly(Vertx vertx) {
        try {
            vertx.close().await(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("Vert.x did not stop cleanly: {}", e.getMessage());
        }
    }
}
