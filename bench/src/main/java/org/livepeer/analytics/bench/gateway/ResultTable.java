package org.livepeer.analytics.bench.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Medians over runs per (load, target), as a markdown table: against the no-op gateway's p99 for
 * the open model, against the baseline target's throughput and p50 for the closed loop.
 */
final class ResultTable {

    private ResultTable() {}

    static String markdown(BenchOptions options, List<RunResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%n### %s, %s, %d runs of %d s (+%d s warm-up), medians%n%n",
                        options.form(),
                        options.model() == LoadModel.OPEN ? "open model" : "closed loop",
                        options.runs(),
                        options.durationS(),
                        options.warmupS()));
        if (options.model() == LoadModel.OPEN) {
            open(options, results, out);
        } else {
            closed(options, results, out);
        }
        return out.toString();
    }

    private static void open(BenchOptions options, List<RunResult> results, StringBuilder out) {
        out.append(
                "| asked req/s | target | achieved req/s | events/s | p50 ms | p99 ms | p99.9 ms"
                        + " | errors | sustained runs | p99 vs noop | CPU µs/req server | CPU µs/req client |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int rate : options.rates()) {
            double noopP99 = median(select(results, rate, BenchOptions.NOOP), RunResult::p99Ms);
            for (String target : options.targets()) {
                List<RunResult> runs = select(results, rate, target);
                double achieved = median(runs, RunResult::achievedPerSecond);
                double p99 = median(runs, RunResult::p99Ms);
                out.append(
                        String.format(
                                Locale.ROOT,
                                "| %d | %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f | %d/%d | %s | %.1f | %.1f"
                                        + " |%n",
                                rate,
                                target,
                                achieved,
                                achieved * options.form().events(),
                                median(runs, RunResult::p50Ms),
                                p99,
                                median(runs, RunResult::p999Ms),
                                median(runs, r -> r.errors()),
                                runs.stream().filter(RunResult::sustained).count(),
                                runs.size(),
                                ratio(p99, noopP99, BenchOptions.NOOP.equals(target)),
                                median(runs, RunResult::serverCpuUs),
                                median(runs, RunResult::clientCpuUs)));
            }
        }
    }

    private static void closed(BenchOptions options, List<RunResult> results, StringBuilder out) {
        String base = options.baseline();
        out.append(
                "| connections | target | req/s | events/s | p50 ms | p99 ms | p99.9 ms | errors"
                        + " | req/s vs "
                        + base
                        + " | p50 vs "
                        + base
                        + " | CPU µs/req server | of which gateway threads | CPU µs/req client |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int connections : options.concurrency()) {
            List<RunResult> baseRuns = select(results, connections, base);
            double baseRate = median(baseRuns, RunResult::achievedPerSecond);
            double baseP50 = median(baseRuns, RunResult::p50Ms);
            for (String target : options.targets()) {
                List<RunResult> runs = select(results, connections, target);
                double achieved = median(runs, RunResult::achievedPerSecond);
                double p50 = median(runs, RunResult::p50Ms);
                out.append(
                        String.format(
                                Locale.ROOT,
                                "| %d | %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f | %s | %s | %.1f |"
                                        + " %.1f | %.1f |%n",
                                connections,
                                target,
                                achieved,
                                achieved * options.form().events(),
                                p50,
                                median(runs, RunResult::p99Ms),
                                median(runs, RunResult::p999Ms),
                                median(runs, r -> r.errors()),
                                ratio(achieved, baseRate, base.equals(target)),
                                ratio(p50, baseP50, base.equals(target)),
                                median(runs, RunResult::serverCpuUs),
                                median(runs, RunResult::gatewayCpuUs),
                                median(runs, RunResult::clientCpuUs)));
            }
        }
    }

    private static String ratio(double value, double base, boolean isBase) {
        return Double.isNaN(base) || isBase
                ? "-"
                : String.format(Locale.ROOT, "%.2fx", value / base);
    }

    private static List<RunResult> select(List<RunResult> results, int load, String target) {
        return results.stream().filter(r -> r.load() == load && r.target().equals(target)).toList();
    }

    static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        if (runs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(runs.stream().map(value::applyAsDouble).toList());
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
