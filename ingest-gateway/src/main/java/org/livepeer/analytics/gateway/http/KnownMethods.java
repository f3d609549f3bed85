package org.livepeer.analytics.gateway.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.Set;

/**
 * The HTTP methods the gateway recognises (RFC 9110's and PATCH). Any other token is answered 405
 * {@code method_not_allowed} before a handler sees it, and is timed under the method tag {@code
 * other}: a client inventing methods must not create a metric series per method.
 */
public final class KnownMethods {

    /** The method tag of every request whose method is not known. */
    public static final String OTHER = "other";

    private static final Set<String> NAMES =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private KnownMethods() {}

    /** The method's name if known, else {@link #OTHER}. */
    public static String tag(HttpMethod method) {
        String name = method.name();
        return NAMES.contains(name) ? name : OTHER;
    }

    /**
     * Refuses unknown methods; install after {@link AccessLog} (both run ahead of every route, in
     * the order installed) so the refusals are timed.
     */
    public static void install(Router router) {
        router.route()
                .order(-1)
                .handler(
                        ctx -> {
                            if (OTHER.equals(tag(ctx.request().method()))) {
                                ctx.fail(405);
                            } else {
                                ctx.next();
                            }
                        });
    }
}
