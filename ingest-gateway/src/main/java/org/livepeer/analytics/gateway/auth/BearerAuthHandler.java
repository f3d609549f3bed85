package org.livepeer.analytics.gateway.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.livepeer.analytics.gateway.config.AuthMode;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code Authorization: Bearer <key>} and records the key's name as the request's {@link
 * #SOURCE} before the body is read. A missing header and an unknown key are both {@code 401}: there
 * are no roles yet, so {@code 403} (an authenticated caller that may not ingest) is kept for when
 * there are.
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {

    /** Routing-context key holding the authenticated source name. */
    public static final String SOURCE = "ingest.source";

    /** The source of events when auth is off. */
    public static final String ANONYMOUS = "anonymous";

    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthHandler.class);
    private static final String SCHEME = "bearer ";

    private final ApiKeyAuthenticator authenticator;

    private BearerAuthHandler(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * The handler for {@code config}: key checks, or a pass-through that marks requests anonymous.
     */
    public static Handler<RoutingContext> forConfig(GatewayConfig config) {
        if (config.authMode() == AuthMode.NONE) {
            LOG.warn(
                    "INGEST_AUTH=none: ingest accepts events without an API key;"
                            + " every event's source is '{}'",
                    ANONYMOUS);
            return ctx -> {
                ctx.put(SOURCE, ANONYMOUS);
                ctx.next();
            };
        }
        return new BearerAuthHandler(new ApiKeyAuthenticator(config.apiKeys()));
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null
                || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            ctx.fail(
                    new ApiException(
                            GatewayErrorCode.UNAUTHORIZED,
                            "missing 'Authorization: Bearer <key>' header"));
            return;
        }
        Optional<String> name =
                authenticator.authenticate(header.substring(SCHEME.length()).trim());
        if (name.isEmpty()) {
            ctx.fail(new ApiException(GatewayErrorCode.UNAUTHORIZED, "unknown API key"));
            return;
        }
        ctx.put(SOURCE, name.get());
        ctx.next();
    }
}
