package org.livepeer.analytics.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Writes a value as a JSON response; the only place that serialises response bodies. */
public final class JsonResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {}

    /** Ends the response with {@code status} and {@code body} as JSON. */
    public static Future<Void> send(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return Future.succeededFuture();
        }
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Only our own records are written, so this is a programming error.
            throw new IllegalStateException("cannot serialise " + body.getClass(), e);
        }
        return ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(bytes));
    }
}
