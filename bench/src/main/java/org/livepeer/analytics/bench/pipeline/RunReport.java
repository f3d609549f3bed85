package org.livepeer.analytics.bench.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything measured in one run, filled in as the run goes; the tables read it. */
final class RunReport {

    /** Drained within this many seconds of the load's end: the pipeline kept up. */
    static final double BOUNDED_DRAIN_S = 10;

    final String label;
    final int rate;
    final int durationS;
    LoadResult load;
    long rawDistinct = -1;
    long rawRows = -1;
    long typedDistinct = -1;
    long lagAtStop = -1;
    double drainRawS = Double.NaN;

    /** Seconds from the load's end to the drain's end (or to the drain timeout). */
    double drainElapsedS = Double.NaN;

    /** Raw rows of the run when the drain ended or timed out. */
    long rawAtDrainEnd = -1;

    double drainTypedS = Double.NaN;
    final List<String> lagSeries = new ArrayList<>();
    List<Long> probeRawMs = List.of();
    List<Long> probeTypedMs = List.of();
    long probesSent;
    long probesAcked;
    double[] archiveLatencyMs = {Double.NaN, Double.NaN, Double.NaN};

    /** CPU ns over the window from the load's start to the end of the drain. */
    final Map<ThreadGroup, Long> groupCpuNs = new EnumMap<>(ThreadGroup.class);

    long pipelineCpuNs = -1;
    long clickHouseCpuNs = -1;
    double windowS = Double.NaN;
    final Map<String, Long> topThreadsNs = new LinkedHashMap<>();
    long heapUsedKib = -1;
    long jvmRssKib = -1;
    long clickHouseRssKib = -1;
    final Map<String, Long> diskKib = new LinkedHashMap<>();
    long malformedProduced;
    long[] deadLetters = {0, 0};
    Map<String, Long> deadLettersByType = Map.of();

    RunReport(String label, int rate, int durationS) {
        this.label = label;
        this.rate = rate;
        this.durationS = durationS;
    }

    double ackedPerSecond() {
        return load == null ? Double.NaN : load.ackedEvents() / (double) durationS;
    }

    /** Every event acknowledged, and the pipeline drained within {@link #BOUNDED_DRAIN_S}. */
    boolean sustained() {
        return load != null
                && load.ackedEvents() >= 0.98 * rate * durationS
                && load.failedRequests() == 0
                && drainRawS <= BOUNDED_DRAIN_S;
    }

    /** Events that became queryable per second while the load ran. */
    double queryablePerSecondDuringLoad() {
        return load == null ? Double.NaN : (load.ackedEvents() - lagAtStop) / (double) durationS;
    }

    /**
     * Events that became queryable per second after the load ended, over the drain (or until the
     * drain timeout): with a backlog, what the pipeline processes at full speed.
     */
    double queryablePerSecondDuringDrain() {
        return load == null || !(drainElapsedS > 0)
                ? Double.NaN
                : (rawAtDrainEnd - (load.ackedEvents() - lagAtStop)) / drainElapsedS;
    }

    /** Microseconds of CPU per acknowledged event. */
    double perEventUs(long nanos) {
        return load == null || load.ackedEvents() == 0 || nanos < 0
                ? Double.NaN
                : nanos / 1e3 / load.ackedEvents();
    }

    long flinkCpuNs() {
        long sum = 0;
        for (Map.Entry<ThreadGroup, Long> e : groupCpuNs.entrySet()) {
            if (e.getKey().isFlink()) {
                sum += e.getValue();
            }
        }
        return sum;
    }
}
