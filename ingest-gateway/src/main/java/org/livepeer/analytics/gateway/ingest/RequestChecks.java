package org.livepeer.analytics.gateway.ingest;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import org.livepeer.analytics.gateway.auth.BearerAuthHandler;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.gateway.limit.KeyRateLimiter;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;
import org.livepeer.analytics.http.ApiException;

/**
 * Checks made from the headers alone, before any body byte is read: media type and encoding (415),
 * a declared length over the limit (413), and a key whose rate-limit bucket is empty (429).
 */
final class RequestChecks {

    /** Routing-context key: {@code Boolean.TRUE} when the body is gzip-encoded. */
    static final String GZIP = "ingest.gzip";

    private final long maxBodyBytes;
    private final KeyRateLimiter rateLimiter;
    private final GatewayMetrics metrics;

    RequestChecks(long maxBodyBytes, KeyRateLimiter rateLimiter, GatewayMetrics metrics) {
        this.maxBodyBytes = maxBodyBytes;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    void headers(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        Optional<BodyFormat> format = BodyFormat.forContentType(type);
        if (format.isEmpty()) {
            ctx.fail(
                    new ApiException(
                            GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Type must be application/json or application/x-ndjson, got "
                                    + (type == null ? "none" : "'" + type + "'")));
            return;
        }
        String encoding = ctx.request().getHeader("Content-Encoding");
        Optional<Boolean> gzip = gzip(encoding);
        if (gzip.isEmpty()) {
            ctx.fail(
                    new ApiException(
                            GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Encoding must be gzip or identity, got '" + encoding + "'"));
            return;
        }
        if (declaredLength(ctx) > maxBodyBytes) {
            ctx.fail(
                    new ApiException(
                            GatewayErrorCode.PAYLOAD_TOO_LARGE,
                            "the request body exceeds " + maxBodyBytes + " bytes"));
            return;
        }
        ctx.put(IngestHandler.FORMAT, format.get());
        ctx.put(GZIP, gzip.get());
        ctx.next();
    }

    void rateLimit(RoutingContext ctx) {
        long wait = rateLimiter.peek(ctx.get(BearerAuthHandler.SOURCE));
        if (wait > 0) {
            metrics.rateLimited();
            ctx.fail(rateLimited(wait));
            return;
        }
        ctx.next();
    }

    static ApiException rateLimited(long waitSeconds) {
        return new ApiException(
                GatewayErrorCode.RATE_LIMITED,
                "this API key's event rate limit is used up; retry after " + waitSeconds + " s",
                null,
                (int) Math.min(Integer.MAX_VALUE, waitSeconds));
    }

    /** TRUE for gzip, FALSE for none or identity, empty for anything else. */
    private static Optional<Boolean> gzip(String encoding) {
        if (encoding == null) {
            return Optional.of(Boolean.FALSE);
        }
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "", "identity" -> Optional.of(Boolean.FALSE);
            case "gzip", "x-gzip" -> Optional.of(Boolean.TRUE);
            default -> Optional.empty();
        };
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            // Netty already refuses a malformed Content-Length; count it as unknown here.
            return -1;
        }
    }
}
