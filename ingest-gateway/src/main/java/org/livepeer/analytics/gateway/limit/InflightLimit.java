package org.livepeer.analytics.gateway.limit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts events sent to Kafka and not yet acknowledged (or timed out), and refuses a request that
 * would take the count past the bound. A single request larger than the bound is still let through
 * when nothing else is in flight, so no valid request is refused forever.
 */
public final class InflightLimit {

    private final long max;
    private final AtomicLong inFlight = new AtomicLong();

    public InflightLimit(long max) {
        this.max = max;
    }

    /** Reserves room for {@code events}; false when that would exceed the bound. */
    public boolean tryAcquire(long events) {
        while (true) {
            long now = inFlight.get();
            if (now > 0 && now + events > max) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + events)) {
                return true;
            }
        }
    }

    public void release(long events) {
        inFlight.addAndGet(-events);
    }

    /** Events in flight now. */
    public long current() {
        return inFlight.get();
    }
}
