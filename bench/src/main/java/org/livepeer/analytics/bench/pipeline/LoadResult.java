package org.livepeer.analytics.bench.pipeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the generator reports for the measured phase, as one {@code RESULT k=v ...} line. */
public record LoadResult(
        long requests,
        long okRequests,
        long ackedEvents,
        long failedRequests,
        double p50Ms,
        double p99Ms,
        double maxMs,
        long lastAckMs,
        long malformedAcked,
        double clientCpuMs) {

    static LoadResult of(BatchLoad.Outcome o, long malformedAcked, double cpuMs) {
        return new LoadResult(
                o.requests(),
                o.okRequests(),
                o.ackedEvents(),
                o.failedRequests(),
                o.latencyNanos().getValueAtPercentile(50) / 1e6,
                o.latencyNanos().getValueAtPercentile(99) / 1e6,
                o.latencyNanos().getMaxValue() / 1e6,
                o.lastAckMs(),
                malformedAcked,
                cpuMs);
    }

    public String wire() {
        return String.format(
                Locale.ROOT,
                "RESULT requests=%d ok=%d acked=%d failed=%d p50=%.3f p99=%.3f max=%.3f last=%d"
                        + " bad=%d cpu=%.1f",
                requests,
                okRequests,
                ackedEvents,
                failedRequests,
                p50Ms,
                p99Ms,
                maxMs,
                lastAckMs,
                malformedAcked,
                clientCpuMs);
    }

    static LoadResult fromWire(String line) {
        if (!line.startsWith("RESULT ")) {
            throw new IllegalArgumentException("not a RESULT line: " + line);
        }
        Map<String, String> v = new HashMap<>();
        for (String kv : line.substring(7).trim().split(" ")) {
            int eq = kv.indexOf('=');
            v.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new LoadResult(
                Long.parseLong(v.get("requests")),
                Long.parseLong(v.get("ok")),
                Long.parseLong(v.get("acked")),
                Long.parseLong(v.get("failed")),
                Double.parseDouble(v.get("p50")),
                Double.parseDouble(v.get("p99")),
                Double.parseDouble(v.get("max")),
                Long.parseLong(v.get("last")),
                Long.parseLong(v.get("bad")),
                Double.parseDouble(v.get("cpu")));
    }
}
