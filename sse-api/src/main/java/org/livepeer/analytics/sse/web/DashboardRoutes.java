package org.livepeer.analytics.sse.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The live dashboard: static files from the classpath folder {@code webroot}. The page holds no
 * secret; it reads the token from its own URL and passes it to the event stream.
 */
public final class DashboardRoutes {

    private DashboardRoutes() {}

    public static void mount(Router router) {
        router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    }
}
