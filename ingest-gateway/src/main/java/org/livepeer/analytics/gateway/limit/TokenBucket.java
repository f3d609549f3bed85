package org.livepeer.analytics.gateway.limit;

/**
 * A token bucket in events: refills at {@code rate} tokens per second up to {@code capacity}. A
 * request is let through while at least one token is left and takes as many tokens as it has
 * events, so the balance may go negative: a batch larger than the burst still passes once, and the
 * debt holds back what follows until the average rate is back under the limit.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(long ratePerSecond, long capacity, long nowNanos) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes {@code events} tokens: 0 when let through, else the seconds to wait (at least 1). */
    synchronized long take(long events, long nowNanos) {
        long wait = peek(nowNanos);
        if (wait == 0) {
            tokens -= events;
        }
        return wait;
    }

    /** 0 when a request would be let through now, else the seconds to wait (at least 1). */
    synchronized long peek(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond));
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / NANOS_PER_SECOND * ratePerSecond);
            lastNanos = nowNanos;
        }
    }
}
