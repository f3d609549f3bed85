package org.livepeer.analytics.bench.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@link PipelineBench}: {@code --rates 5000,10000} (events/s, one pipeline per rate),
 * {@code --duration 120} (s of measured load), {@code --warmup 30} (s of uncounted load first, at
 * most {@code --warmup-rate 2000} events/s), {@code --batch 100} (events per POST), {@code
 * --connections 16}, {@code --probe-interval-ms 100}, {@code --poll-ms 100} (probe polling), {@code
 * --drain-timeout 150} (s), {@code --malformed-rate 0.01} with {@code --malformed-at 10000} (one
 * more run at that rate with that share of bad records produced straight to Kafka; 0 = none),
 * {@code --baseline-rates 5000,...|none} and {@code --baseline-duration 30} (the gateway-only
 * runs), {@code --caps-share 0.002}, {@code --repo .}, {@code --out dir}, {@code --java-opts
 * "-XX:+UseParallelGC"} (the pipeline's JVM, as {@code ./analytics up}), {@code --launcher-cp file}
 * (a file holding the pipeline's whole classpath, e.g. a copy taken before a long run so that
 * builds in the meantime do not change it; default {@code launcher/target/classes} plus {@code
 * launcher/target/classpath.txt}).
 */
record PipelineOptions(
        List<Integer> rates,
        int durationS,
        int warmupS,
        int warmupRate,
        int batch,
        int connections,
        int probeIntervalMs,
        int pollMs,
        int drainTimeoutS,
        double malformedRate,
        int malformedAt,
        List<Integer> baselineRates,
        int baselineDurationS,
        double capsShare,
        Path repo,
        Path out,
        List<String> javaOpts,
        String launcherClasspathFile) {

    private static final Set<String> KNOWN =
            Set.of(
                    "rates",
                    "duration",
                    "warmup",
                    "warmup-rate",
                    "batch",
                    "connections",
                    "probe-interval-ms",
                    "poll-ms",
                    "drain-timeout",
                    "malformed-rate",
                    "malformed-at",
                    "baseline-rates",
                    "baseline-duration",
                    "caps-share",
                    "repo",
                    "out",
                    "java-opts",
                    "launcher-cp");

    static PipelineOptions parse(String[] args) {
        Map<String, String> v = Args.parse(args);
        for (String k : v.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
        List<Integer> rates = ints(v.getOrDefault("rates", "5000,10000,20000,30000"));
        String baseline = v.getOrDefault("baseline-rates", "5000,10000,20000,30000,50000");
        PipelineOptions o =
                new PipelineOptions(
                        rates,
                        positive(v, "duration", "120"),
                        Integer.parseInt(v.getOrDefault("warmup", "30")),
                        positive(v, "warmup-rate", "2000"),
                        positive(v, "batch", "100"),
                        positive(v, "connections", "16"),
                        positive(v, "probe-interval-ms", "100"),
                        positive(v, "poll-ms", "100"),
                        positive(v, "drain-timeout", "150"),
                        Double.parseDouble(v.getOrDefault("malformed-rate", "0.01")),
                        Integer.parseInt(v.getOrDefault("malformed-at", "0")),
                        baseline.equals("none") ? List.of() : ints(baseline),
                        positive(v, "baseline-duration", "30"),
                        Double.parseDouble(v.getOrDefault("caps-share", "0.002")),
                        Path.of(v.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
                        Path.of(
                                v.getOrDefault(
                                        "out", "/tmp/e2e-bench-" + System.currentTimeMillis())),
                        Arrays.asList(v.getOrDefault("java-opts", "-XX:+UseParallelGC").split(" ")),
                        v.getOrDefault("launcher-cp", ""));
        if (!(o.malformedRate >= 0 && o.malformedRate < 0.5)) {
            throw new IllegalArgumentException("--malformed-rate must be in [0, 0.5)");
        }
        return o;
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out =
                Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
        if (out.stream().anyMatch(r -> r <= 0)) {
            throw new IllegalArgumentException("rates must be positive: " + csv);
        }
        return out;
    }

    private static int positive(Map<String, String> v, String key, String def) {
        int n = Integer.parseInt(v.getOrDefault(key, def));
        if (n <= 0) {
            throw new IllegalArgumentException("--" + key + " must be positive");
        }
        return n;
    }
}
