package org.livepeer.analytics.bench.gateway;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line options of {@link GatewayBench}: {@code --form single|batch100}, {@code --model
 * open|closed}, {@code --rates 1000,5000} (requests per second, open model), {@code --concurrency
 * 1,16,64,256} (connections, closed loop), {@code --duration 10} and {@code --warmup 3} (seconds
 * per run), {@code --runs 3}, {@code --targets noop,kafka}, {@code --baseline noop} (the target the
 * others are compared with), {@code --connections 128} (open model), {@code --prewarm 15} (seconds
 * per target before the first run), {@code --event-loops 1} (the gateways' GATEWAY_EVENT_LOOPS),
 * {@code --serve 600} (run nothing: keep the targets up that long for another load generator).
 *
 * <p>Targets: {@code noop} (no Kafka), {@code kafka} (the gateway as configured by default), {@code
 * linger5} and {@code linger0} (the producer settings before the batching by load: a fixed {@code
 * linger.ms}, 5 requests in flight, 16 KiB batches), and {@code kafka+name=value+...} (the default
 * plus producer properties).
 */
record BenchOptions(
        BodyForm form,
        LoadModel model,
        List<Integer> rates,
        List<Integer> concurrency,
        int durationS,
        int warmupS,
        int runs,
        List<String> targets,
        String baseline,
        int connections,
        int prewarmS,
        int eventLoops,
        int serveS) {

    static final String KAFKA = "kafka";
    static final String NOOP = "noop";

    /**
     * The gateway's producer settings before the batching by load, with their {@code linger.ms}.
     */
    private static final Map<String, Map<String, String>> FIXED_LINGER =
            Map.of(
                    "linger5", fixedLinger(5),
                    "linger0", fixedLinger(0));

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
                        LoadModel.parse(values.getOrDefault("model", "open")),
                        ints(values.getOrDefault("rates", "1000,5000")),
                        ints(values.getOrDefault("concurrency", "1,16,64,256")),
                        Integer.parseInt(values.getOrDefault("duration", "10")),
                        Integer.parseInt(values.getOrDefault("warmup", "3")),
                        Integer.parseInt(values.getOrDefault("runs", "3")),
                        List.of(values.getOrDefault("targets", NOOP + "," + KAFKA).split(",")),
                        values.getOrDefault("baseline", NOOP),
                        Integer.parseInt(values.getOrDefault("connections", "128")),
                        Integer.parseInt(values.getOrDefault("prewarm", "15")),
                        Integer.parseInt(values.getOrDefault("event-loops", "1")),
                        Integer.parseInt(values.getOrDefault("serve", "0")));
        options.check();
        return options;
    }

    /** The offered loads in run order: rates (open model) or connection counts (closed loop). */
    List<Integer> loads() {
        return model == LoadModel.OPEN ? rates : concurrency;
    }

    /**
     * The KAFKA_PRODUCER_* variables a Kafka target adds to the gateway's environment; empty for
     * {@code kafka} itself.
     */
    static Map<String, String> producerEnv(String target) {
        Map<String, String> fixed = FIXED_LINGER.get(target);
        if (fixed != null) {
            return fixed;
        }
        Map<String, String> env = new LinkedHashMap<>();
        String[] parts = target.split("\\+");
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected kafka+name=value, got " + target);
            }
            env.put("KAFKA_PRODUCER_" + kv[0].toUpperCase(Locale.ROOT).replace('.', '_'), kv[1]);
        }
        return env;
    }

    private static Map<String, String> fixedLinger(int lingerMs) {
        return Map.of(
                "KAFKA_PRODUCER_LINGER_MS", Integer.toString(lingerMs),
                "KAFKA_PRODUCER_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION", "5",
                "KAFKA_PRODUCER_BATCH_SIZE", "16384");
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private void check() {
        // Bounded in count and time: at most 60 s per run, 10 runs, 100,000 req/s.
        within("duration", durationS, 1, 60);
        within("warmup", warmupS, 0, 30);
        within("runs", runs, 1, 10);
        within("connections", connections, 1, 1024);
        within("prewarm", prewarmS, 0, 120);
        within("event-loops", eventLoops, 1, 64);
        within("serve", serveS, 0, 3600);
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1 || r > 100_000)) {
            throw new IllegalArgumentException("rates must be 1-100000 req/s");
        }
        if (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c < 1 || c > 1024)) {
            throw new IllegalArgumentException("concurrency must be 1-1024 connections");
        }
        for (String target : targets) {
            if (!target.equals(NOOP) && !target.equals(KAFKA)) {
                if (!FIXED_LINGER.containsKey(target) && !target.startsWith(KAFKA + "+")) {
                    throw new IllegalArgumentException(
                            "targets are noop, kafka, linger5, linger0 or kafka+name=value...,"
                                    + " got "
                                    + target);
                }
                producerEnv(target);
            }
        }
    }

    private static void within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "--" + option + " must be " + min + "-" + max + ", got " + value);
        }
    }
}
