package org.livepeer.analytics.sse.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Set;

/** CORS for the live endpoints when origins are configured; none otherwise. */
public final class CorsSetup {

    private CorsSetup() {}

    public static void mount(Router router, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        CorsHandler cors =
                origins.contains("*")
                        ? CorsHandler.create().addOrigin("*")
                        : CorsHandler.create().addOrigins(origins);
        router.route("/v1/live/*")
                .handler(
                        cors.allowedMethods(Set.of(HttpMethod.GET, HttpMethod.OPTIONS))
                                .allowedHeaders(
                                        Set.of("Authorization", "Last-Event-ID", "Cache-Control")));
    }
}
