package org.livepeer.analytics.bench.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the bench JVM's gateway threads (event loops, the Kafka sender thread, the producer's
 * and admin client's I/O threads), apart from the in-process broker's and the JVM's own: on a real
 * deployment the broker runs elsewhere, so a change that moves work between the two shows here.
 * Threads that ended between two readings are not counted.
 */
final class GatewayThreadsCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GatewayThreadsCpu() {}

    static long nanos() {
        long sum = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && isGateway(info.getThreadName())) {
                sum += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    static boolean isGateway(String threadName) {
        return threadName.startsWith("vert.x-")
                || threadName.startsWith("gateway-")
                || threadName.contains("ingest-gateway");
    }
}
