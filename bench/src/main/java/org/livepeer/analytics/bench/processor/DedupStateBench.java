package org.livepeer.analytics.bench.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.livepeer.analytics.processor.ProcessorJob;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.processor.config.ProcessorKey;
import org.livepeer.analytics.processor.route.DedupKey;
import org.livepeer.analytics.processor.route.RouteAndDeduplicate;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * The dedup operator alone at volume: {@link RouteAndDeduplicate} on a MiniCluster with the job's
 * own state settings ({@link ProcessorJob#durableState}: RocksDB, incremental checkpoints to a
 * temporary directory, by default at the job's default interval), fed as fast as it takes distinct
 * {@code stream_trace} events with random UUID ids over a fixed set of streams. Prints, every 10 s,
 * the ids remembered so far and the rate since the last line, so the rate can be read against the
 * state's size (docs/decisions/0005, "Soak").
 *
 * <p>Usage: {@code DedupStateBench [events=6000000] [streams=500] [checkpointMs]}; extra Flink
 * settings as system properties {@code -Dflink.<key>=<value>} (e.g. {@code
 * -Dflink.state.backend.rocksdb.compaction.style=UNIVERSAL}).
 */
public final class DedupStateBench {

    private static final String ID = "@ID@";
    private static final String STREAM = "@STREAM@";

    /** Distinct events that passed the dedup (one typed row each), across the MiniCluster. */
    static final AtomicLong TYPED = new AtomicLong();

    private DedupStateBench() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 6_000_000L;
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long checkpointMs =
                Long.parseLong(
                        args.length > 2
                                ? args[2]
                                : ProcessorKey.PROCESSOR_CHECKPOINT_INTERVAL_MS
                                        .defaultValue()
                                        .orElseThrow());
        Path dir = Files.createTempDirectory("dedup-bench-");
        Configuration conf = new Configuration();
        conf.set(RocksDBOptions.LOCAL_DIRECTORIES, dir.resolve("rocksdb").toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(checkpointMs, CheckpointingMode.AT_LEAST_ONCE);
        env.configure(
                ProcessorJob.durableState(
                        new ProcessorConfig.State(
                                ProcessorConfig.StateBackend.ROCKSDB,
                                dir.resolve("checkpoints").toUri().toString(),
                                "",
                                3),
                        env.getConfiguration()));
        Configuration extra = extraSettings();
        env.configure(extra);
        String template = template();
        env.fromSequence(0, events - 1)
                .map(n -> event(template, n, streams))
                .keyBy(new DedupKey())
                .process(new RouteAndDeduplicate(Duration.ofHours(24), false))
                .map(
                        row -> {
                            TYPED.incrementAndGet();
                            return row;
                        })
                .sinkTo(new DiscardingSink<>());
        System.out.printf(
                "dedup bench: %,d events over %d streams, checkpoints every %d ms, state in %s,"
                        + " extra settings %s%n",
                events, streams, checkpointMs, dir, extra);
        System.out.println("elapsed_s\tids\tevents_per_s\tcpu_us_per_event\tstate_mb");
        Thread reporter = reporter(dir);
        reporter.start();
        long start = System.nanoTime();
        env.execute("dedup-state-bench");
        reporter.interrupt();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "done: %,d ids in %.0f s, %.0f events/s on average, %.1f µs of CPU per event%n",
                TYPED.get(),
                seconds,
                TYPED.get() / seconds,
                processCpuNanos() / 1e3 / TYPED.get());
        // The MiniCluster's threads would keep the JVM alive.
        System.exit(0);
    }

    /** A real stream_trace sample with its id and stream id made placeholders. */
    private static String template() throws IOException {
        String sample =
                new String(
                        Samples.load(null).stream()
                                .filter(
                                        s ->
                                                new String(s, StandardCharsets.UTF_8)
                                                        .contains("\"type\":\"stream_trace\""))
                                .findFirst()
                                .orElseThrow(),
                        StandardCharsets.UTF_8);
        return sample.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + ID + "\"")
                .replaceFirst("\"stream_id\":\"[^\"]*\"", "\"stream_id\":\"" + STREAM + "\"");
    }

    /** Event {@code n}: a random-looking UUID id (as producers send), one of the streams. */
    static KafkaEvent event(String template, long n, int streams) {
        String id = new UUID(mix(n), mix(n ^ 0x5DEECE66DL)).toString();
        String body = template.replace(ID, id).replace(STREAM, "stream-" + (n % streams));
        return new KafkaEvent(
                body.getBytes(StandardCharsets.UTF_8), "streaming-events", 0, n, "bench");
    }

    /** SplitMix64's finalizer: distinct inputs give distinct, evenly spread outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Configuration extraSettings() {
        Configuration conf = new Configuration();
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            String key = e.getKey().toString();
            if (key.startsWith("flink.")) {
                conf.setString(key.substring("flink.".length()), e.getValue().toString());
            }
        }
        return conf;
    }

    private static Thread reporter(Path dir) {
        Thread t =
                new Thread(
                        () -> {
                            long start = System.nanoTime();
                            long last = 0;
                            long lastCpu = processCpuNanos();
                            try {
                                while (true) {
                                    Thread.sleep(10_000);
                                    long now = TYPED.get();
                                    long cpu = processCpuNanos();
                                    System.out.printf(
                                            Locale.ROOT,
                                            "%.0f\t%d\t%d\t%.1f\t%.1f%n",
                                            (System.nanoTime() - start) / 1e9,
                                            now,
                                            (now - last) / 10,
                                            (cpu - lastCpu) / 1e3 / Math.max(1, now - last),
                                            sizeMb(dir.resolve("rocksdb")));
                                    last = now;
                                    lastCpu = cpu;
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "dedup-bench-report");
        t.setDaemon(true);
        return t;
    }

    /** CPU time of this whole process (every thread: the dedup, RocksDB's compactions, GC). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double sizeMb(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                            .mapToLong(
                                    p -> {
                                        try {
                                            return Files.size(p);
                                        } catch (IOException e) {
                                            return 0; // deleted by a compaction meanwhile
                                        }
                                    })
                            .sum()
                    / 1e6;
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
