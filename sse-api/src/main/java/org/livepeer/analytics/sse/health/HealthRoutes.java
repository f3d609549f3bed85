package org.livepeer.analytics.sse.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import org.livepeer.analytics.sse.source.TopicTail;

/**
 * {@code GET /health} (the process is up), {@code GET /ready} (every topic consumer is connected
 * and assigned) and {@code GET /metrics} (Prometheus text format).
 */
public final class HealthRoutes {

    private HealthRoutes() {}

    public static void mount(
            Router router, List<TopicTail> tails, PrometheusMeterRegistry registry) {
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
        router.get("/ready")
                .handler(
                        ctx -> {
                            JsonObject topics = new JsonObject();
                            tails.forEach(t -> topics.put(t.topic(), t.ready()));
                            boolean ready = tails.stream().allMatch(TopicTail::ready);
                            ctx.response().setStatusCode(ready ? 200 : 503);
                            ctx.json(
                                    new JsonObject()
                                            .put("status", ready ? "ready" : "not_ready")
                                            .put("kafka", topics));
                        });
        router.get("/metrics")
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader(
                                                "Content-Type",
                                                "text/plain; version=0.0.4; charset=utf-8")
                                        .end(registry.scrape()));
    }
}
