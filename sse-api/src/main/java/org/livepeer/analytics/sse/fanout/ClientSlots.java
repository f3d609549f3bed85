package org.livepeer.analytics.sse.fanout;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A limit on things open at once across the whole instance, shared by every event loop: the streams
 * (a slot taken before a stream opens, given back when its subscriber leaves its hub) and the TCP
 * connections ({@code http.ConnectionGuard}). Thread-safe.
 */
public final class ClientSlots {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    public ClientSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.max = max;
    }

    /** Takes a slot; false (and nothing taken) when all {@code max} are in use. */
    public boolean tryAcquire() {
        while (true) {
            int n = open.get();
            if (n >= max) {
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        open.decrementAndGet();
    }

    public int inUse() {
        return open.get();
    }
}
