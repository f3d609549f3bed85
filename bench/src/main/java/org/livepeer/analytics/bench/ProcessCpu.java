package org.livepeer.analytics.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM, all threads (the benchmarks of every module report it). CPU per
 * request is the figure that survives a noisy machine: latency and throughput depend on what else
 * runs, the work done per request does not.
 */
public final class ProcessCpu {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    public static long nanos() {
        return OS.getProcessCpuTime();
    }

    /** Microseconds of CPU per request, from a {@link #nanos()} taken before the requests. */
    public static double microsPerRequest(long startNanos, long requests) {
        return requests == 0 ? Double.NaN : (nanos() - startNanos) / 1e3 / requests;
    }
}
