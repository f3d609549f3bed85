package org.livepeer.analytics.bench.gateway;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM, all threads. CPU per request is the figure that survives a noisy
 * machine: latency and throughput depend on what else runs, the work done per request does not.
 */
final class ProcessCpu {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    static long nanos() {
        return OS.getProcessCpuTime();
    }

    /** Microseconds of CPU per request, from a {@link #nanos()} taken before the requests. */
    static double microsPerRequest(long startNanos, long requests) {
        return requests == 0 ? Double.NaN : (nanos() - startNanos) / 1e3 / requests;
    }
}
