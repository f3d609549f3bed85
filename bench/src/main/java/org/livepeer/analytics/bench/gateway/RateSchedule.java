package org.livepeer.analytics.bench.gateway;

/**
 * The open workload's clock: request {@code i} is due at {@code start + i * 1e9 / rate} ns,
 * whatever happened to earlier requests. Latency is measured from the due time, so a stalled server
 * is charged for the requests that queued behind it (no coordinated omission).
 */
final class RateSchedule {

    private final long startNanos;
    private final double periodNanos;

    RateSchedule(long startNanos, double requestsPerSecond) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.startNanos = startNanos;
        this.periodNanos = 1e9 / requestsPerSecond;
    }

    /** When request {@code i} (0-based) is due. */
    long dueNanos(long i) {
        return startNanos + Math.round(i * periodNanos);
    }

    /** How many requests are due by {@code nowNanos} (requests 0 .. n-1). */
    long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        return (long) Math.floor((nowNanos - startNanos) / periodNanos) + 1;
    }

    /** Requests due in {@code seconds} from the start. */
    long countIn(double seconds) {
        return Math.round(seconds * 1e9 / periodNanos);
    }
}
