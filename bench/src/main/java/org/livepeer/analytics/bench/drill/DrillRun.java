package org.livepeer.analytics.bench.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.bench.pipeline.Counts;
import org.livepeer.analytics.bench.pipeline.EventMix;
import org.livepeer.analytics.bench.pipeline.LoadGenProcess;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.testkit.flink.JobRest;

/**
 * One drill: a fresh pipeline ({@link DrillPipeline}), the load from a generator JVM until the
 * events acknowledged reach the target, the fault injected once half of them are, then the drain
 * (every acknowledged id in the raw archive and the typed tables, or the timeout), the accounting
 * by id, the rollup check and what Flink says about restarts and restores.
 */
final class DrillRun {

    /** The ClickHouse sink's retry counters (docs/processor.md, "Metrics"). */
    static final String SINK_RETRIES = "clickhouse.retries";

    private final DrillOptions o;
    private final String runId;
    private final EventMix mix;
    private final ExpectedRows expected;

    DrillRun(DrillOptions o, String runId) throws Exception {
        this.o = o;
        this.runId = runId;
        this.mix = EventMix.load(o.samples(), o.capsShare());
        this.expected = new ExpectedRows(mix);
    }

    DrillReport run(Fault fault) throws Exception {
        DrillReport r = new DrillReport(fault);
        Path home = o.out().resolve("home-" + fault.label());
        MachineLoad machine = MachineLoad.start();
        DrillLog.say(fault.label() + ": starting a fresh pipeline in " + home);
        try (DrillPipeline p = DrillPipeline.start(home, o.rollupRefreshMs())) {
            String prefix = runId + "-" + fault.label() + "-e";
            Path ackedFile = o.out().resolve("acked-" + fault.label() + ".bits");
            loadWithFault(p, prefix, ackedFile, r);
            IdAccounting ids = new IdAccounting(p.reader(), prefix, o.batch(), expected);
            BitSet acked = ids.ackedIds(BitSet.valueOf(Files.readAllBytes(ackedFile)));
            drain(p.reader(), prefix, ids, acked, r);
            r.drift = new RollupDrift().awaitAgreement(p.reader(), o.rollupTimeoutS());
            DrillLog.say(fault.label() + ": rollup check: " + r.drift);
            p.flink().refreshMetrics();
            JobRest rest = p.flink().rest();
            r.restarts = rest.restarts();
            r.checkpoints = rest.checkpoints().path("counts").toString();
            r.restoredFrom = rest.latestRestore();
            // The running attempt's counters: a restart starts them again from 0.
            r.sinkRetries = rest.sumOfOperatorMetrics(SINK_RETRIES);
        } catch (Exception e) {
            r.error = e.toString();
            DrillLog.say(fault.label() + ": drill failed: " + e);
        }
        r.machine = machine.stop();
        DrillLog.say(fault.label() + ": " + r.machine);
        return r;
    }

    private void loadWithFault(DrillPipeline p, String prefix, Path ackedFile, DrillReport r)
            throws Exception {
        Map<String, String> gen = new LinkedHashMap<>();
        gen.put("port", Integer.toString(p.gatewayPort()));
        gen.put("key", p.ingestKey());
        gen.put("rate", Integer.toString(o.rate()));
        gen.put("duration", Integer.toString(o.loadLimitS()));
        gen.put("stop-at-acked", Long.toString(o.events()));
        gen.put("acked-file", ackedFile.toString());
        gen.put("batch", Integer.toString(o.batch()));
        gen.put("connections", Integer.toString(o.connections()));
        gen.put("prefix", prefix);
        gen.put("warmup", "0");
        gen.put("samples", o.samples().toString());
        gen.put("caps-share", Double.toString(o.capsShare()));
        Path log = p.home().resolve("loadgen.err");
        try (LoadGenProcess load = LoadGenProcess.start(gen, log)) {
            long start = System.nanoTime();
            load.go(60);
            while (load.ackedSoFar() < o.events() / 2 && !load.isDone()) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            r.faultAtS = (System.nanoTime() - start) / 1e9;
            DrillLog.say(
                    r.fault.label()
                            + ": "
                            + load.ackedSoFar()
                            + " acknowledged, injecting the fault");
            r.faultSteps = r.fault.inject(p, o);
            r.load = load.awaitResult(o.loadLimitS() + 120L);
            r.loadS = (System.nanoTime() - start) / 1e9;
            DrillLog.say(r.fault.label() + ": load done in " + r.loadS + " s: " + r.load.wire());
        }
    }

    /**
     * Waits until every acknowledged id is in the raw archive and in a typed table (a cheap count
     * first, then the exact check by id), or the drain timeout; records the last count.
     */
    private void drain(
            ClickHouseHttp ch, String prefix, IdAccounting ids, BitSet acked, DrillReport r)
            throws InterruptedException {
        Counts quick = new Counts(ch);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(o.drainTimeoutS());
        while (true) {
            boolean late = System.nanoTime() > deadline;
            try {
                if (late || quick.typedDistinct(prefix) >= acked.cardinality()) {
                    r.counts = ids.count(acked);
                    if (r.counts.complete() || late) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline + TimeUnit.MINUTES.toNanos(2)) {
                    throw e;
                }
                DrillLog.say("count failed, trying again: " + e.getMessage());
            }
            TimeUnit.SECONDS.sleep(2);
        }
        r.drainS = r.counts.complete() ? (System.nanoTime() - start) / 1e9 : Double.NaN;
        DrillLog.say(r.fault.label() + ": drained in " + r.drainS + " s: " + r.counts);
    }
}
