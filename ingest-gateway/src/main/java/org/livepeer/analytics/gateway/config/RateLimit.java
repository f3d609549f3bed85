package org.livepeer.analytics.gateway.config;

/**
 * The per-key token bucket: {@code eventsPerSecond} tokens added each second, at most {@code burst}
 * held. Off when {@code eventsPerSecond} is 0.
 */
public record RateLimit(long eventsPerSecond, long burst) {

    /** No limit. */
    public static final RateLimit OFF = new RateLimit(0, 0);

    public RateLimit {
        if (eventsPerSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("rate and burst must not be negative");
        }
    }

    public boolean enabled() {
        return eventsPerSecond > 0;
    }
}
