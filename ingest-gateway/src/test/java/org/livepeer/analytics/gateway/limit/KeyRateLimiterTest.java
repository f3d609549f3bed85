package org.livepeer.analytics.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.config.RateLimit;

class KeyRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMs(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void burstPassesThenTheRateRefillsIt() {
        KeyRateLimiter limiter = new KeyRateLimiter(new RateLimit(100, 200), now::get);

        assertEquals(0, limiter.take("fra", 150));
        assertEquals(0, limiter.take("fra", 50));
        assertEquals(1, limiter.take("fra", 1), "empty bucket: wait a second");
        assertEquals(1, limiter.peek("fra"));
        advanceMs(10);
        assertEquals(0, limiter.take("fra", 1), "10 ms at 100/s refills one token");
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        KeyRateLimiter limiter = new KeyRateLimiter(new RateLimit(10, 10), now::get);

        assertEquals(0, limiter.take("fra", 10));
        assertEquals(1, limiter.take("fra", 1));
        assertEquals(0, limiter.take("nyc", 10));
    }

    @Test
    void aBatchLargerThanTheBurstPassesOnceAndItsDebtSetsTheWait() {
        KeyRateLimiter limiter = new KeyRateLimiter(new RateLimit(100, 100), now::get);

        assertEquals(0, limiter.take("fra", 1000));
        assertEquals(10, limiter.take("fra", 1), "900 tokens of debt + 1 at 100/s");
        advanceMs(9_000);
        assertEquals(1, limiter.take("fra", 1));
        advanceMs(1_000);
        assertEquals(0, limiter.take("fra", 1));
    }

    @Test
    void tokensNeverExceedTheBurst() {
        KeyRateLimiter limiter = new KeyRateLimiter(new RateLimit(100, 50), now::get);
        limiter.peek("fra");
        advanceMs(60_000);

        assertEquals(0, limiter.take("fra", 50));
        assertEquals(1, limiter.take("fra", 1));
    }

    @Test
    void offLetsEverythingThrough() {
        KeyRateLimiter limiter = new KeyRateLimiter(RateLimit.OFF, now::get);

        assertEquals(0, limiter.take("fra", 1_000_000_000));
        assertEquals(0, limiter.peek("fra"));
    }

    @Test
    void inflightBoundRefusesWhatWouldExceedItButNeverALoneRequest() {
        InflightLimit limit = new InflightLimit(10);

        assertTrue(limit.tryAcquire(25), "nothing in flight: a big request still goes");
        assertFalse(limit.tryAcquire(1));
        limit.release(25);
        assertTrue(limit.tryAcquire(6));
        assertTrue(limit.tryAcquire(4));
        assertFalse(limit.tryAcquire(1));
        assertEquals(10, limit.current());
        limit.release(4);
        assertTrue(limit.tryAcquire(4));
    }
}
