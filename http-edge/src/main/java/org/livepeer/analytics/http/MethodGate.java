package org.livepeer.analytics.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Answers the methods a service does not serve before any other handler runs (auth, CORS, files),
 * as its error JSON. Known methods are RFC 9110's and PATCH; any other token is refused with the
 * service's unknown-method code and tagged {@link #OTHER} in metrics, so a client inventing methods
 * cannot create a metric series per method.
 */
public final class MethodGate {

    /** The method tag of every request whose method is not known. */
    public static final String OTHER = "other";

    private static final Set<String> KNOWN =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final Set<HttpMethod> served;
    private final String allow;
    private final ErrorCode notServed;
    private final ErrorCode unknown;
    private final Consumer<ErrorCode> refused;

    private MethodGate(
            Set<HttpMethod> served,
            ErrorCode notServed,
            ErrorCode unknown,
            Consumer<ErrorCode> refused) {
        this.served = Set.copyOf(served);
        this.allow =
                served.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        this.notServed = notServed;
        this.unknown = unknown;
        this.refused = refused;
    }

    /** Passes every known method (the routes decide); refuses others with {@code unknown}. */
    public static MethodGate knownOnly(ErrorCode unknown, Consumer<ErrorCode> refused) {
        return new MethodGate(Set.of(), unknown, unknown, refused);
    }

    /**
     * Passes only {@code served}: another known method gets {@code notServed}, an unknown one
     * {@code unknown}; both with an {@code Allow} header naming {@code served}.
     */
    public static MethodGate only(
            Set<HttpMethod> served,
            ErrorCode notServed,
            ErrorCode unknown,
            Consumer<ErrorCode> refused) {
        if (served.isEmpty()) {
            throw new IllegalArgumentException("served must name at least one method");
        }
        return new MethodGate(served, notServed, unknown, refused);
    }

    /** The method's name if known, else {@link #OTHER}. */
    public static String tag(HttpMethod method) {
        String name = method.name();
        return KNOWN.contains(name) ? name : OTHER;
    }

    /**
     * Installs the gate ahead of every route; handlers installed ahead of every route run in the
     * order installed, so install the ones that must see refused requests (access log) first.
     */
    public void install(Router router) {
        router.route().order(-1).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (!KNOWN.contains(method.name())) {
            refuse(ctx, unknown);
        } else if (!served.isEmpty() && !served.contains(method)) {
            refuse(ctx, notServed);
        } else {
            ctx.next();
        }
    }

    private void refuse(RoutingContext ctx, ErrorCode code) {
        if (!served.isEmpty()) {
            ctx.response().putHeader("Allow", allow);
        }
        refused.accept(code);
        ctx.fail(new ApiException(code, code.defaultMessage()));
    }
}
