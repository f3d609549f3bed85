package org.livepeer.analytics.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A limit on things open at once across a whole service, shared by every event loop: TCP
 * connections ({@link ConnectionGuard}), or the SSE API's streams (a slot taken before a stream
 * opens, given back when it closes). Thread-safe.
 */
public final class Slots {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    public Slots(int max) {
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
