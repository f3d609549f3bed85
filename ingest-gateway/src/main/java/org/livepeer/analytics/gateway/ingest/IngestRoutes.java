package org.livepeer.analytics.gateway.ingest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import org.livepeer.analytics.gateway.auth.BearerAuthHandler;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.http.ApiException;
import org.livepeer.analytics.gateway.http.ErrorCode;
import org.livepeer.analytics.gateway.publish.EventPublisher;

/**
 * Registers {@code POST /v1/events}: auth, then media type, then body limit, then ingest. Auth and
 * the media type are checked on a first route, before any body byte is read (Vert.x only allows a
 * body handler ahead of user handlers on one route); both are synchronous, so no body is lost
 * before the second route's body handler takes over.
 */
public final class IngestRoutes {

    public static final String PATH = "/v1/events";

    private IngestRoutes() {}

    /** Adds the ingest route to {@code router}. */
    public static void mount(Router router, GatewayConfig config, EventPublisher publisher) {
        router.post(PATH)
                .handler(BearerAuthHandler.forConfig(config))
                .handler(IngestRoutes::checkContentType);
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(new IngestHandler(publisher, config.maxEvents()));
    }

    private static void checkContentType(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Type");
        Optional<BodyFormat> format = BodyFormat.forContentType(header);
        if (format.isEmpty()) {
            ctx.fail(
                    new ApiException(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Type must be application/json or application/x-ndjson, got "
                                    + (header == null ? "none" : "'" + header + "'")));
            return;
        }
        ctx.put(IngestHandler.FORMAT, format.get());
        ctx.next();
    }
}
