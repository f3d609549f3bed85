package org.livepeer.analytics.bench.pipeline;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * End-to-end benchmark of the embedded pipeline ({@code ./analytics up}): for each rate a fresh
 * pipeline in a child JVM, open-loop batched POSTs of the production mix with unique ids from a
 * generator JVM, probes for ack-to-queryable latency, then lag, drain, accounting, CPU per
 * component, memory and disk; optionally one run with malformed records produced straight to Kafka
 * and the gateway-only baseline. Prints markdown tables at the end. Options: {@link
 * PipelineOptions}. Run from the repository root after {@code mvn install -DskipTests} (the
 * launcher's {@code target/classpath.txt} must exist).
 */
public final class PipelineBench {

    private PipelineBench() {}

    public static void main(String[] args) throws Exception {
        PipelineOptions o = PipelineOptions.parse(args);
        Files.createDirectories(o.out());
        String runId = "b" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        E2eRun.log("options " + o + "; logs and homes under " + o.out());
        List<RunReport> runs = new ArrayList<>();
        E2eRun e2e = new E2eRun(o, runId);
        for (int rate : o.rates()) {
            runOne(e2e, rate, 0, runs);
            print(runs, List.of());
        }
        if (o.malformedAt() > 0) {
            runOne(e2e, o.malformedAt(), o.malformedRate(), runs);
        }
        List<RunReport> baseline =
                o.baselineRates().isEmpty() ? List.of() : new BaselineRun(o, runId).run();
        print(runs, baseline);
        System.exit(0);
    }

    /** One run; a run that fails is logged and left out, and the next one still runs. */
    private static void runOne(E2eRun e2e, int rate, double malformed, List<RunReport> runs) {
        try {
            runs.add(e2e.run(rate, malformed));
        } catch (Exception e) {
            E2eRun.log("run at " + rate + " events/s failed: " + e);
        }
    }

    private static void print(List<RunReport> runs, List<RunReport> baseline) {
        StringBuilder b = new StringBuilder("\n");
        if (!runs.isEmpty()) {
            b.append("### Throughput and accounting\n\n").append(ResultTables.accounting(runs));
            b.append("\n### Latency\n\n").append(ResultTables.latency(runs));
            b.append("\n### CPU per acknowledged event (µs)\n\n").append(ResultTables.cpu(runs));
            b.append("\n### Memory and disk at the end\n\n").append(ResultTables.resources(runs));
            b.append('\n').append(ResultTables.deadLetters(runs));
            b.append('\n').append(ResultTables.details(runs));
        }
        if (!baseline.isEmpty()) {
            b.append("\n### Gateway + Kafka alone (baseline)\n\n")
                    .append(ResultTables.baseline(baseline));
        }
        System.out.println(b);
        System.out.flush();
    }
}
