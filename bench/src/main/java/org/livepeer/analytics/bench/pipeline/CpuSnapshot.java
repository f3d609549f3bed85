package org.livepeer.analytics.bench.pipeline;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU ticks of one process at one moment: the process total and each living thread's, with the
 * thread's Java name where {@code jcmd} gave one (else its {@code comm}).
 */
record CpuSnapshot(
        long processTicks, Map<Integer, ProcStat.Line> threads, Map<Integer, String> names) {

    static CpuSnapshot of(long pid) {
        Map<Integer, String> names = JavaThreads.names(pid);
        return new CpuSnapshot(ProcStat.processTicks(pid), ProcStat.threads(pid), names);
    }

    static CpuSnapshot processOnly(long pid) {
        return new CpuSnapshot(ProcStat.processTicks(pid), Map.of(), Map.of());
    }

    String nameOf(int tid) {
        String name = names.get(tid);
        if (name != null) {
            return name;
        }
        ProcStat.Line line = threads.get(tid);
        return line == null ? "?" : line.comm();
    }

    /** CPU nanoseconds of the process between {@code start} and this snapshot. */
    long processNanosSince(CpuSnapshot start) {
        return (processTicks - start.processTicks) * ProcStat.TICK_NANOS;
    }

    /**
     * CPU nanoseconds per group between {@code start} and this snapshot. Threads born in between
     * count from zero; what threads that ended in between used, and what the grouping misses, is in
     * {@link ThreadGroup#OTHER} as the process total minus the grouped threads.
     */
    Map<ThreadGroup, Long> groupNanosSince(CpuSnapshot start) {
        Map<ThreadGroup, Long> groups = new EnumMap<>(ThreadGroup.class);
        for (ThreadGroup g : ThreadGroup.values()) {
            groups.put(g, 0L);
        }
        long grouped = 0;
        for (Map.Entry<Integer, Long> e : threadNanosSince(start).entrySet()) {
            ThreadGroup g = ThreadGroup.of(nameOf(e.getKey()));
            if (g != ThreadGroup.OTHER) {
                groups.merge(g, e.getValue(), Long::sum);
                grouped += e.getValue();
            }
        }
        groups.put(ThreadGroup.OTHER, Math.max(0, processNanosSince(start) - grouped));
        return groups;
    }

    /** CPU nanoseconds of each thread living now, since {@code start} (or its birth). */
    Map<Integer, Long> threadNanosSince(CpuSnapshot start) {
        Map<Integer, Long> out = new HashMap<>();
        for (ProcStat.Line now : threads.values()) {
            ProcStat.Line before = start.threads.get(now.id());
            long ticks = now.ticks() - (before == null ? 0 : before.ticks());
            out.put(now.id(), Math.max(0, ticks) * ProcStat.TICK_NANOS);
        }
        return out;
    }
}
