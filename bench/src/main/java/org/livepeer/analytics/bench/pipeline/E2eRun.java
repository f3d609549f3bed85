package org.livepeer.analytics.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.livepeer.analytics.testkit.launch.LaunchedPipeline;

/**
 * One measured run against a fresh embedded pipeline: warm-up, then the load with probes, the lag
 * when it stops, the drain, the counts, the CPU split, memory and disk. Every wait has a deadline.
 */
final class E2eRun {

    private static final long LAG_SAMPLE_MS = 10_000;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final String LAUNCHER_MAIN = "org.livepeer.analytics.launcher.AnalyticsMain";

    private final PipelineOptions o;
    private final String runId;

    E2eRun(PipelineOptions o, String runId) {
        this.o = o;
        this.runId = runId;
    }

    RunReport run(int rate, double malformed) throws Exception {
        String tag = "r" + rate + (malformed > 0 ? "m" : "");
        RunReport report =
                new RunReport(
                        malformed > 0
                                ? rate + " + " + Markdown.one(malformed * 100) + " % malformed"
                                : Integer.toString(rate),
                        rate,
                        o.durationS());
        try (LaunchedPipeline p = startWithRetries(tag)) {
            log("ready: pid " + p.pid() + ", clickhouse pid " + p.clickHousePid());
            measure(p, rate, malformed, runId + "-" + tag + "-", report);
        }
        return report;
    }

    /**
     * Starts a pipeline; a start that fails (a free port taken by another process before the
     * pipeline bound it, say) is tried again with new ports and a new home, at most 3 times.
     */
    private LaunchedPipeline startWithRetries(String tag) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Path home = o.out().resolve("home-" + tag + (attempt == 1 ? "" : "-" + attempt));
            log("starting the pipeline in " + home);
            LaunchedPipeline p =
                    LaunchedPipeline.start(
                            launcherCommand(),
                            home,
                            LaunchedPipeline.freePorts(),
                            o.out().resolve(home.getFileName() + ".err"),
                            o.out().resolve(home.getFileName() + ".out"));
            try {
                p.awaitReady(READY_TIMEOUT);
                return p;
            } catch (IllegalStateException e) {
                p.close();
                if (attempt == 3) {
                    throw e;
                }
                log("start failed (" + e.getMessage() + "); trying again");
            }
        }
    }

    /** The launcher as the {@code analytics} script starts it, with this run's JVM options. */
    private LaunchedPipeline.Command launcherCommand() throws IOException {
        String cp =
                o.launcherClasspathFile().isEmpty()
                        ? o.repo().resolve("launcher/target/classes")
                                + ":"
                                + Files.readString(
                                                o.repo().resolve("launcher/target/classpath.txt"))
                                        .trim()
                        : Files.readString(Path.of(o.launcherClasspathFile())).trim();
        return new LaunchedPipeline.Command(o.javaOpts(), cp, LAUNCHER_MAIN);
    }

    private void measure(LaunchedPipeline p, int rate, double malformed, String prefix, RunReport r)
            throws Exception {
        Counts counts = new Counts(p.reader());
        Map<String, String> gen = new LinkedHashMap<>();
        gen.put("port", Integer.toString(p.port("GATEWAY_PORT")));
        gen.put("key", p.credentials().get("INGEST_API_KEY"));
        gen.put("rate", Integer.toString(rate));
        gen.put("duration", Integer.toString(o.durationS()));
        gen.put("batch", Integer.toString(o.batch()));
        gen.put("connections", Integer.toString(o.connections()));
        gen.put("prefix", prefix + "e");
        gen.put("warmup", Integer.toString(o.warmupS()));
        gen.put("warmup-rate", Integer.toString(Math.min(rate, o.warmupRate())));
        gen.put("warmup-prefix", prefix + "w");
        gen.put("samples", o.repo().resolve("event-model/src/test/resources/samples").toString());
        gen.put("caps-share", Double.toString(o.capsShare()));
        gen.put("malformed-rate", Double.toString(malformed));
        gen.put("bad-prefix", prefix + "bad-");
        gen.put("kafka", "127.0.0.1:" + p.port("KAFKA_PORT"));
        gen.put("topic", "streaming-events");
        try (LoadGenProcess load =
                LoadGenProcess.start(gen, o.out().resolve("loadgen-" + prefix + "err.log"))) {
            if (o.warmupS() > 0) {
                long warm = load.awaitWarm(o.warmupS() + 120L);
                long warmDrain = waitFor(() -> counts.rawRows(prefix + "w"), warm, 120);
                log(
                        "warm-up: "
                                + warm
                                + " events acknowledged, queryable after "
                                + warmDrain
                                + " ms");
            }
            loadAndDrain(p, load, counts, prefix, r);
        }
        collectCounts(counts, prefix, r, malformed > 0);
        collectResources(p, r);
    }

    private void loadAndDrain(
            LaunchedPipeline p, LoadGenProcess load, Counts counts, String prefix, RunReport r)
            throws Exception {
        Probes probes =
                new Probes(
                        p.port("GATEWAY_PORT"),
                        p.credentials().get("INGEST_API_KEY"),
                        p.reader(),
                        prefix + "p");
        long pollDeadline =
                System.currentTimeMillis() + (o.durationS() + o.drainTimeoutS() + 60L) * 1000;
        CpuSnapshot cpu0 = CpuSnapshot.of(p.pid());
        CpuSnapshot ch0 = CpuSnapshot.processOnly(p.clickHousePid());
        long t0 = System.nanoTime();
        probes.startSending(o.probeIntervalMs());
        Thread poller = probes.startPolling(o.pollMs(), pollDeadline);
        long startMs = load.go(30);
        long nextSample = startMs + LAG_SAMPLE_MS;
        long loadDeadline = startMs + (o.durationS() + 90L) * 1000;
        while (!load.isDone() && System.currentTimeMillis() < loadDeadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            if (System.currentTimeMillis() >= nextSample) {
                long acked = load.ackedSoFar();
                long lag = acked - counts.rawRows(prefix + "e");
                r.lagSeries.add((nextSample - startMs) / 1000 + "s:" + lag);
                nextSample += LAG_SAMPLE_MS;
            }
        }
        r.load = load.awaitResult(30);
        long stopMs = System.currentTimeMillis();
        r.lagAtStop = r.load.ackedEvents() - counts.rawRows(prefix + "e");
        probes.stopSending();
        log("load done: " + r.load.wire() + "; lag at stop " + r.lagAtStop);
        long acked = r.load.ackedEvents();
        long rawMs = waitFor(() -> counts.rawRows(prefix + "e"), acked, o.drainTimeoutS());
        r.drainElapsedS = (System.currentTimeMillis() - stopMs) / 1e3;
        r.drainRawS = rawMs < 0 ? Double.NaN : r.drainElapsedS;
        r.rawAtDrainEnd = rawMs < 0 ? counts.rawRows(prefix + "e") : acked;
        // Typed rows come from the same flushes as the raw ones: with a raw backlog left, waiting
        // for them is no use.
        long typedMs = waitFor(() -> counts.typedDistinct(prefix + "e"), acked, rawMs < 0 ? 5 : 60);
        r.drainTypedS = typedMs < 0 ? Double.NaN : (System.currentTimeMillis() - stopMs) / 1e3;
        r.windowS = (System.nanoTime() - t0) / 1e9;
        CpuSnapshot cpu1 = CpuSnapshot.of(p.pid());
        CpuSnapshot ch1 = CpuSnapshot.processOnly(p.clickHousePid());
        poller.join(TimeUnit.SECONDS.toMillis(30));
        r.groupCpuNs.putAll(cpu1.groupNanosSince(cpu0));
        r.pipelineCpuNs = cpu1.processNanosSince(cpu0);
        r.clickHouseCpuNs = ch1.processNanosSince(ch0);
        topThreads(cpu0, cpu1, r);
        r.probesSent = probes.sent();
        r.probesAcked = probes.acked();
        r.probeRawMs = probes.latencies(false);
        r.probeTypedMs = probes.latencies(true);
    }

    private static void topThreads(CpuSnapshot from, CpuSnapshot to, RunReport r) {
        to.threadNanosSince(from).entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(25)
                .forEach(
                        e ->
                                r.topThreadsNs.merge(
                                        to.nameOf(e.getKey())
                                                + " ["
                                                + ThreadGroup.of(to.nameOf(e.getKey())).label()
                                                + "]",
                                        e.getValue(),
                                        Long::sum));
    }

    private static void collectCounts(Counts counts, String prefix, RunReport r, boolean bad) {
        r.rawDistinct = counts.rawDistinct(prefix + "e");
        r.rawRows = counts.rawRows(prefix + "e");
        r.typedDistinct = counts.typedDistinct(prefix + "e");
        r.archiveLatencyMs = counts.archiveLatency(prefix + "e");
        if (bad) {
            r.malformedProduced = r.load.malformedAcked();
            r.deadLetters = counts.deadLetters(prefix + "bad-");
            r.deadLettersByType = counts.deadLettersByType(prefix + "bad-");
        }
    }

    private static void collectResources(LaunchedPipeline p, RunReport r) throws IOException {
        r.heapUsedKib = JavaThreads.heapUsedKib(p.pid());
        r.jvmRssKib = ProcStat.rssKib(p.pid());
        r.clickHouseRssKib = ProcStat.rssKib(p.clickHousePid());
        for (String dir : List.of("kafka", "clickhouse", "flink")) {
            r.diskKib.put(dir, du(p.home().resolve(dir)));
        }
    }

    static long du(Path dir) throws IOException {
        Process du = new ProcessBuilder("du", "-sk", dir.toString()).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            du.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String[] f = out.trim().split("\\s+");
        return f.length > 0 && f[0].matches("\\d+") ? Long.parseLong(f[0]) : -1;
    }

    /** Polls {@code count} every second until it reaches {@code target}: ms taken, or -1. */
    static long waitFor(LongSupplier count, long target, long timeoutS)
            throws InterruptedException {
        long start = System.currentTimeMillis();
        long deadline = start + timeoutS * 1000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (count.getAsLong() >= target) {
                    return System.currentTimeMillis() - start;
                }
            } catch (RuntimeException e) {
                // ClickHouse busy: try again at the next poll
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return -1;
    }

    static void log(String line) {
        System.err.println(java.time.LocalTime.now().withNano(0) + " " + line);
    }
}
