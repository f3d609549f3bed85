package org.livepeer.analytics.bench.gateway;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of {@link GatewayBench}: {@code --form single|batch100}, {@code --rates
 * 1000,5000} (requests per second), {@code --duration 10} and {@code --warmup 3} (seconds per run),
 * {@code --runs 3}, {@code --targets noop,kafka}, {@code --connections 128}, {@code --prewarm 15}
 * (seconds per target before the first run), {@code --event-loops 1} (the gateways'
 * GATEWAY_EVENT_LOOPS).
 */
record BenchOptions(
        BodyForm form,
        List<Integer> rates,
        int durationS,
        int warmupS,
        int runs,
        List<String> targets,
        int connections,
        int prewarmS,
        int eventLoops) {

    static final String KAFKA = "kafka";
    static final String NOOP = "noop";

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "every option needs a value: " + Arrays.toString(args));
        }
        BenchOptions options =
                new BenchOptions(
                        BodyForm.parse(values.getOrDefault("form", "single")),
                        Arrays.stream(values.getOrDefault("rates", "1000,5000").split(","))
                                .map(String::trim)
                                .map(Integer::parseInt)
                                .toList(),
                        Integer.parseInt(values.getOrDefault("duration", "10")),
                        Integer.parseInt(values.getOrDefault("warmup", "3")),
                        Integer.parseInt(values.getOrDefault("runs", "3")),
                        List.of(values.getOrDefault("targets", NOOP + "," + KAFKA).split(",")),
                        Integer.parseInt(values.getOrDefault("connections", "128")),
                        Integer.parseInt(values.getOrDefault("prewarm", "15")),
                        Integer.parseInt(values.getOrDefault("event-loops", "1")));
        options.check();
        return options;
    }

    private void check() {
        // Bounded in count and time: at most 60 s per run, 10 runs, 100,000 req/s.
        within("duration", durationS, 1, 60);
        within("warmup", warmupS, 0, 30);
        within("runs", runs, 1, 10);
        within("connections", connections, 1, 1024);
        within("prewarm", prewarmS, 0, 120);
        within("event-loops", eventLoops, 1, 64);
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1 || r > 100_000)) {
            throw new IllegalArgumentException("rates must be 1-100000 req/s");
        }
        if (!List.of(NOOP, KAFKA).containsAll(targets)) {
            throw new IllegalArgumentException("targets are noop and/or kafka, got " + targets);
        }
    }

    private static void within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "--" + option + " must be " + min + "-" + max + ", got " + value);
        }
    }
}
