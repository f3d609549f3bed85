package org.livepeer.analytics.bench.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Medians over runs per (rate, target), as a markdown table, with the Kafka/no-op ratio. */
final class ResultTable {

    private ResultTable() {}

    static String markdown(BenchOptions options, List<RunResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%n### %s, %d runs of %d s (+%d s warm-up), medians%n%n",
                        options.form(),
                        options.runs(),
                        options.durationS(),
                        options.warmupS()));
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
                                Double.isNaN(noopP99) || BenchOptions.NOOP.equals(target)
                                        ? "-"
                                        : String.format(Locale.ROOT, "%.2fx", p99 / noopP99),
                                median(runs, RunResult::serverCpuUs),
                                median(runs, RunResult::clientCpuUs)));
            }
        }
        return out.toString();
    }

    private static List<RunResult> select(List<RunResult> results, int rate, String target) {
        return results.stream().filter(r -> r.rate() == rate && r.target().equals(target)).toList();
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
