package org.livepeer.analytics.bench.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ratio's baseline: the same generator, events and batches against the gateway and its Kafka
 * broker alone ({@link GatewayOnlyMain}), one child JVM for all rates, each rate a fresh generator
 * with a short warm-up. It measures what the HTTP + Kafka half can acknowledge on this machine when
 * the Flink job, ClickHouse and the SSE API take no CPU.
 */
final class BaselineRun {

    private static final int WARMUP_S = 5;

    private final PipelineOptions o;
    private final String runId;

    BaselineRun(PipelineOptions o, String runId) {
        this.o = o;
        this.runId = runId;
    }

    List<RunReport> run() throws Exception {
        List<RunReport> reports = new ArrayList<>();
        Path home = o.out().resolve("home-gateway-only");
        String key = "bench-" + runId;
        try (GatewayOnlyProcess g =
                GatewayOnlyProcess.start(
                        home, key, o.out().resolve("gateway-only.err"), o.javaOpts())) {
            for (int rate : o.baselineRates()) {
                E2eRun.log("gateway-only " + rate + " events/s");
                reports.add(one(g, key, rate));
            }
        }
        return reports;
    }

    private RunReport one(GatewayOnlyProcess g, String key, int rate) throws Exception {
        RunReport r = new RunReport("gateway only " + rate, rate, o.baselineDurationS());
        String prefix = runId + "-g" + rate + "-";
        Map<String, String> gen = new LinkedHashMap<>();
        gen.put("port", Integer.toString(g.port()));
        gen.put("key", key);
        gen.put("rate", Integer.toString(rate));
        gen.put("duration", Integer.toString(o.baselineDurationS()));
        gen.put("batch", Integer.toString(o.batch()));
        gen.put("connections", Integer.toString(o.connections()));
        gen.put("prefix", prefix + "e");
        gen.put("warmup", Integer.toString(WARMUP_S));
        gen.put("warmup-rate", Integer.toString(Math.min(rate, o.warmupRate())));
        gen.put("warmup-prefix", prefix + "w");
        gen.put("samples", o.repo().resolve("event-model/src/test/resources/samples").toString());
        gen.put("caps-share", Double.toString(o.capsShare()));
        try (LoadGenProcess load =
                LoadGenProcess.start(gen, o.out().resolve("loadgen-" + prefix + "err.log"))) {
            load.awaitWarm(WARMUP_S + 120L);
            CpuSnapshot cpu0 = CpuSnapshot.of(g.pid());
            long t0 = System.nanoTime();
            load.go(30);
            r.load = load.awaitResult(o.baselineDurationS() + 90L);
            r.windowS = (System.nanoTime() - t0) / 1e9;
            CpuSnapshot cpu1 = CpuSnapshot.of(g.pid());
            r.groupCpuNs.putAll(cpu1.groupNanosSince(cpu0));
            r.pipelineCpuNs = cpu1.processNanosSince(cpu0);
            r.heapUsedKib = JavaThreads.heapUsedKib(g.pid());
            r.jvmRssKib = ProcStat.rssKib(g.pid());
        }
        E2eRun.log("gateway-only " + rate + ": " + r.load.wire());
        return r;
    }

    /** Acknowledged ≥ 98 % of the asked events, no failed request, p99 under 100 ms. */
    static boolean sustained(RunReport r) {
        return r.load != null
                && r.load.ackedEvents() >= 0.98 * r.rate * r.durationS
                && r.load.failedRequests() == 0
                && r.load.p99Ms() < 100;
    }
}
