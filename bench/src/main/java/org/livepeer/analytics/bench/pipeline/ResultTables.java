package org.livepeer.analytics.bench.pipeline;

import static org.livepeer.analytics.bench.pipeline.Markdown.count;
import static org.livepeer.analytics.bench.pipeline.Markdown.one;
import static org.livepeer.analytics.bench.pipeline.Markdown.percentile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The markdown tables printed at the end of {@link PipelineBench}. */
final class ResultTables {

    private ResultTables() {}

    static String accounting(List<RunReport> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunReport r : runs) {
            rows.add(
                    List.of(
                            r.label,
                            count(r.load.ackedEvents()),
                            count(Math.round(r.ackedPerSecond())),
                            count(r.load.failedRequests()),
                            count(r.rawDistinct),
                            count(r.typedDistinct),
                            count(r.lagAtStop),
                            perSecond(r.queryablePerSecondDuringLoad()),
                            perSecond(r.queryablePerSecondDuringDrain()),
                            one(r.drainRawS),
                            one(r.drainTypedS),
                            r.sustained() ? "yes" : "no"));
        }
        return Markdown.table(
                List.of(
                        "events/s asked",
                        "acknowledged (202)",
                        "acked events/s",
                        "failed requests",
                        "raw distinct ids",
                        "typed distinct ids",
                        "lag at load end (events)",
                        "queryable events/s during load",
                        "queryable events/s during drain",
                        "drain raw s",
                        "drain typed s",
                        "lag bounded"),
                rows);
    }

    static String latency(List<RunReport> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunReport r : runs) {
            rows.add(
                    List.of(
                            r.label,
                            one(r.load.p50Ms()) + " / " + one(r.load.p99Ms()),
                            r.probesAcked + " / " + r.probeRawMs.size(),
                            three(r.probeRawMs),
                            three(r.probeTypedMs),
                            one(r.archiveLatencyMs[0])
                                    + " / "
                                    + one(r.archiveLatencyMs[1])
                                    + " / "
                                    + one(r.archiveLatencyMs[2])));
        }
        return Markdown.table(
                List.of(
                        "events/s asked",
                        "POST ack p50 / p99 ms",
                        "probes acked / seen",
                        "ack → queryable raw p50 / p95 / p99 ms",
                        "ack → queryable typed p50 / p95 / p99 ms",
                        "archive inserted − received p50 / p95 / p99 ms"),
                rows);
    }

    static String cpu(List<RunReport> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunReport r : runs) {
            List<String> row = new ArrayList<>();
            row.add(r.label);
            for (ThreadGroup g : ThreadGroup.values()) {
                row.add(one(r.perEventUs(r.groupCpuNs.getOrDefault(g, -1L))));
            }
            row.add(one(r.perEventUs(r.flinkCpuNs())));
            row.add(one(r.perEventUs(r.pipelineCpuNs)));
            row.add(one(r.perEventUs(r.clickHouseCpuNs)));
            row.add(one(r.load.clientCpuMs() * 1e3 / Math.max(1, r.load.ackedEvents())));
            row.add(one(cores(r)));
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add("events/s asked");
        for (ThreadGroup g : ThreadGroup.values()) {
            header.add(g.label());
        }
        header.addAll(
                List.of(
                        "flink total",
                        "pipeline JVM total",
                        "clickhouse-server",
                        "load generator",
                        "cores busy (JVM + CH)"));
        return Markdown.table(header, rows);
    }

    private static double cores(RunReport r) {
        if (Double.isNaN(r.windowS) || r.pipelineCpuNs < 0) {
            return Double.NaN;
        }
        return (r.pipelineCpuNs + Math.max(0, r.clickHouseCpuNs)) / 1e9 / r.windowS;
    }

    static String resources(List<RunReport> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunReport r : runs) {
            rows.add(
                    List.of(
                            r.label,
                            mib(r.heapUsedKib),
                            mib(r.jvmRssKib),
                            mib(r.clickHouseRssKib),
                            mib(r.diskKib.getOrDefault("kafka", -1L)),
                            mib(r.diskKib.getOrDefault("clickhouse", -1L)),
                            mib(r.diskKib.getOrDefault("flink", -1L))));
        }
        return Markdown.table(
                List.of(
                        "events/s asked",
                        "heap used MiB",
                        "JVM RSS MiB",
                        "clickhouse RSS MiB",
                        "disk kafka MiB",
                        "disk clickhouse MiB",
                        "disk flink MiB"),
                rows);
    }

    static String baseline(List<RunReport> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunReport r : runs) {
            rows.add(
                    List.of(
                            count(r.rate),
                            count(Math.round(r.ackedPerSecond())),
                            one(r.load.p50Ms()) + " / " + one(r.load.p99Ms()),
                            count(r.load.failedRequests()),
                            BaselineRun.sustained(r) ? "yes" : "no",
                            // No SSE API in that JVM: every Vert.x thread is the gateway's.
                            one(
                                    r.perEventUs(
                                            r.groupCpuNs.getOrDefault(ThreadGroup.GATEWAY, 0L)
                                                    + r.groupCpuNs.getOrDefault(
                                                            ThreadGroup.SSE, 0L))),
                            one(
                                    r.perEventUs(
                                            r.groupCpuNs.getOrDefault(
                                                    ThreadGroup.KAFKA_BROKER, -1L))),
                            one(r.perEventUs(r.pipelineCpuNs)),
                            one(r.load.clientCpuMs() * 1e3 / Math.max(1, r.load.ackedEvents()))));
        }
        return Markdown.table(
                List.of(
                        "events/s asked",
                        "acked events/s",
                        "POST ack p50 / p99 ms",
                        "failed requests",
                        "sustained",
                        "CPU µs/event gateway",
                        "kafka broker",
                        "JVM total",
                        "load generator"),
                rows);
    }

    static String deadLetters(List<RunReport> runs) {
        StringBuilder b = new StringBuilder();
        for (RunReport r : runs) {
            if (r.malformedProduced > 0) {
                b.append(
                        String.format(
                                "%s: %s bad records acknowledged by Kafka; streaming_events_dlq"
                                        + " rows %s, distinct bad ids %s; by error_type %s%n",
                                r.label,
                                count(r.malformedProduced),
                                count(r.deadLetters[0]),
                                count(r.deadLetters[1]),
                                r.deadLettersByType));
            }
        }
        return b.toString();
    }

    static String details(List<RunReport> runs) {
        StringBuilder b = new StringBuilder();
        for (RunReport r : runs) {
            b.append(r.label).append(": lag samples (acked − raw rows) ").append(r.lagSeries);
            b.append("; raw rows ").append(count(r.rawRows));
            b.append("; drain watched ").append(one(r.drainElapsedS)).append(" s, raw rows then ");
            b.append(count(r.rawAtDrainEnd)).append('\n');
            for (Map.Entry<String, Long> t : r.topThreadsNs.entrySet()) {
                b.append(String.format("    %8.2f s  %s%n", t.getValue() / 1e9, t.getKey()));
            }
        }
        return b.toString();
    }

    private static String three(List<Long> ms) {
        return one(percentile(ms, 50))
                + " / "
                + one(percentile(ms, 95))
                + " / "
                + one(percentile(ms, 99));
    }

    private static String perSecond(double v) {
        return Double.isNaN(v) ? "-" : count(Math.round(v));
    }

    private static String mib(long kib) {
        return kib < 0 ? "-" : one(kib / 1024.0);
    }
}
