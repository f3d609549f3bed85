package org.livepeer.analytics.gateway.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the OpenAPI 3 description of {@code /v1/events}, a static file. */
public final class OpenApiRoute {

    /** Classpath location of the document. */
    public static final String RESOURCE = "/org/livepeer/analytics/gateway/ingest/openapi.json";

    private OpenApiRoute() {}

    /** Adds the route; reads the document once, at start. */
    public static void mount(Router router) {
        Buffer document = Buffer.buffer(read());
        router.get("/openapi.json")
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader("Content-Type", "application/json")
                                        .end(document));
    }

    /** The document's bytes. */
    public static byte[] read() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
