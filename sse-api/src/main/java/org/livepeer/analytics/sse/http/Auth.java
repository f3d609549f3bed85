package org.livepeer.analytics.sse.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.livepeer.analytics.sse.config.SseConfig;

/**
 * The read token, from {@code Authorization: Bearer} or the {@code access_token} query parameter
 * (browsers' EventSource cannot set headers). Compared by hash in constant time.
 */
public final class Auth {

    private static final String BEARER = "Bearer ";

    private final SseConfig config;

    public Auth(SseConfig config) {
        this.config = config;
    }

    public boolean allowed(RoutingContext ctx) {
        if (!config.authEnabled()) {
            return true;
        }
        String token = null;
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = header.substring(BEARER.length()).trim();
        }
        if (token == null || token.isEmpty()) {
            token = ctx.request().getParam("access_token");
        }
        if (token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                SseConfig.sha256Hex(token).getBytes(StandardCharsets.US_ASCII),
                config.tokenSha256Hex().getBytes(StandardCharsets.US_ASCII));
    }
}
