package org.livepeer.analytics.processor.live;

/**
 * Counts occurrences and says when a log line is due: for the first one, then at most once per
 * interval, each line with the count since the previous one. Not thread-safe: one per operator
 * instance.
 */
final class ThrottledCount {

    private final long intervalMs;
    private long sinceLastLine;
    private long lastLineMs;
    private boolean lineWritten;

    ThrottledCount(long intervalMs) {
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + intervalMs);
        }
        this.intervalMs = intervalMs;
    }

    /**
     * Counts {@code n} more at {@code nowMs}.
     *
     * @return the count to log now (everything since the previous line), or 0 while the current
     *     interval already has its line
     */
    long add(long n, long nowMs) {
        sinceLastLine += n;
        if (lineWritten && nowMs - lastLineMs < intervalMs) {
            return 0;
        }
        lineWritten = true;
        lastLineMs = nowMs;
        long due = sinceLastLine;
        sinceLastLine = 0;
        return due;
    }
}
