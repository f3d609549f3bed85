package org.livepeer.analytics.bench.drill;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.livepeer.analytics.bench.pipeline.Args;

/**
 * Options of {@link DrillMain}: {@code --drills clickhouse,kafka,flink,gateway} (in that order by
 * default, one fresh pipeline each), {@code --events 500000} (distinct events acknowledged per
 * drill: the load runs until that many were answered {@code 202}), {@code --rate 3000} (events/s,
 * open model), {@code --batch 100} (events per POST), {@code --connections 16}, {@code --outage 60}
 * (s ClickHouse or the Kafka broker stays down), {@code --caps-share 0.002}, {@code --drain-timeout
 * 900} (s from the load's end), {@code --rollup-timeout 180} (s from the drain's end for the hourly
 * rollup to agree with a fresh recompute), {@code --rollup-refresh-ms 5000} (the processor's {@code
 * PROCESSOR_ROLLUP_REFRESH_MS}), {@code --repo .}, {@code --out dir} (homes, logs, results).
 */
public record DrillOptions(
        List<Fault> drills,
        long events,
        int rate,
        int batch,
        int connections,
        int outageS,
        double capsShare,
        int drainTimeoutS,
        int rollupTimeoutS,
        long rollupRefreshMs,
        Path repo,
        Path out) {

    private static final Set<String> KNOWN =
            Set.of(
                    "drills",
                    "events",
                    "rate",
                    "batch",
                    "connections",
                    "outage",
                    "caps-share",
                    "drain-timeout",
                    "rollup-timeout",
                    "rollup-refresh-ms",
                    "repo",
                    "out");

    public static DrillOptions parse(String[] args) {
        Map<String, String> v = Args.parse(args);
        for (String k : v.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
        return new DrillOptions(
                Arrays.stream(v.getOrDefault("drills", "clickhouse,kafka,flink,gateway").split(","))
                        .map(s -> Fault.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                        .toList(),
                positive(v, "events", "500000"),
                (int) positive(v, "rate", "3000"),
                (int) positive(v, "batch", "100"),
                (int) positive(v, "connections", "16"),
                (int) positive(v, "outage", "60"),
                Double.parseDouble(v.getOrDefault("caps-share", "0.002")),
                (int) positive(v, "drain-timeout", "900"),
                (int) positive(v, "rollup-timeout", "180"),
                positive(v, "rollup-refresh-ms", "5000"),
                Path.of(v.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
                Path.of(v.getOrDefault("out", "/tmp/drills-" + System.currentTimeMillis()))
                        .toAbsolutePath());
    }

    /** Longest the load may take: twice its nominal time, plus the outage and a minute. */
    int loadLimitS() {
        return (int) (2 * events / rate) + outageS + 60;
    }

    Path samples() {
        return repo.resolve("event-model/src/test/resources/samples");
    }

    private static long positive(Map<String, String> v, String key, String def) {
        long n = Long.parseLong(v.getOrDefault(key, def));
        if (n <= 0) {
            throw new IllegalArgumentException("--" + key + " must be positive");
        }
        return n;
    }
}
