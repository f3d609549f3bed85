package org.livepeer.analytics.gateway.config;

/**
 * What a client connection may cost: {@code idleTimeoutMs} without a byte either way, {@code
 * requestReadTimeoutMs} to send a whole request (headers and body), and at most {@code
 * maxConnections} open at once per gateway.
 */
public record ConnectionLimits(long idleTimeoutMs, long requestReadTimeoutMs, int maxConnections) {

    public ConnectionLimits {
        if (idleTimeoutMs <= 0 || requestReadTimeoutMs <= 0 || maxConnections <= 0) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
    }
}
