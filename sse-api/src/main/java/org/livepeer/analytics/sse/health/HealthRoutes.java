package org.livepeer.analytics.sse.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /health} and {@code GET /ready}. Ready is unconditional until the live endpoints add a
 * Kafka consumer whose assignment it will then reflect.
 */
public final class HealthRoutes {

    private HealthRoutes() {}

    public static void mount(Router router) {
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
        router.get("/ready").handler(ctx -> ctx.json(new JsonObject().put("status", "ready")));
    }
}
