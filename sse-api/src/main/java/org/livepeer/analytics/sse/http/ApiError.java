package org.livepeer.analytics.sse.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one error shape of the API: {@code {"error": code, "message": text}}. */
public final class ApiError {

    private ApiError() {}

    public static void send(RoutingContext ctx, int status, String code, String message) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", code).put("message", message).encode());
    }
}
