package org.livepeer.analytics.gateway.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.livepeer.analytics.gateway.config.RateLimit;

/**
 * One {@link TokenBucket} per API key name, created on first use. The limit is per gateway
 * instance: N instances behind a load balancer allow up to N times the rate in total.
 */
public final class KeyRateLimiter {

    private final RateLimit limit;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public KeyRateLimiter(RateLimit limit) {
        this(limit, System::nanoTime);
    }

    /** With another clock (tests). */
    public KeyRateLimiter(RateLimit limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
    }

    /**
     * Charges {@code events} to {@code key}'s bucket.
     *
     * @return 0 when the request may go on, else the seconds it should wait ({@code Retry-After})
     */
    public long take(String key, long events) {
        if (!limit.enabled()) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        return bucket(key, now).take(events, now);
    }

    /** Like {@link #take} without charging: lets a request be refused before its body is read. */
    public long peek(String key) {
        if (!limit.enabled()) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        return bucket(key, now).peek(now);
    }

    private TokenBucket bucket(String key, long now) {
        return buckets.computeIfAbsent(
                key, k -> new TokenBucket(limit.eventsPerSecond(), limit.burst(), now));
    }
}
