package org.livepeer.analytics.bench.drill;

import org.livepeer.analytics.bench.pipeline.LoadResult;

/** What one drill measured; filled in step by step ({@link DrillRun}). */
final class DrillReport {

    final Fault fault;
    String faultSteps = "";
    double faultAtS = Double.NaN;
    LoadResult load;
    double loadS = Double.NaN;
    IdAccounting.Result counts;
    double drainS = Double.NaN;
    long restarts = -1;
    String checkpoints = "";
    String restoredFrom = "";
    long sinkRetries = -1;
    RollupDrift.Outcome drift;
    MachineLoad.Window machine;
    String error = "";

    DrillReport(Fault fault) {
        this.fault = fault;
    }
}
