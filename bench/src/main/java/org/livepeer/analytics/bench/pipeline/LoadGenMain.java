package org.livepeer.analytics.bench.pipeline;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.bench.ProcessCpu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end load generator's own JVM (started by {@link LoadGenProcess}), so its CPU is apart
 * from the pipeline's. Runs an uncounted warm-up phase (its own id prefix), prints {@code WARM},
 * waits for {@code GO} on stdin, prints {@code START <ms>}, runs the measured phase with a {@code
 * PROGRESS <ms> <ackedEvents> <failedEvents>} line every second, and ends with one {@code RESULT}
 * line ({@link LoadResult#wire()}). With {@code --malformed-rate} it also writes that share of bad
 * records ({@link Malformed}) straight to Kafka during the measured phase. With {@code
 * --stop-at-acked n} the measured phase issues no more requests once n events are acknowledged
 * ({@code --duration} is then its longest); with {@code --acked-file f} the numbers of the requests
 * answered {@code 202} with every event accepted are written to f ({@link BitSet#toByteArray()})
 * before the {@code RESULT} line.
 */
public final class LoadGenMain {

    private static final Logger LOG = LoggerFactory.getLogger(LoadGenMain.class);

    private LoadGenMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        int status = 0;
        try {
            run(o);
        } catch (Exception e) {
            LOG.error("load generator failed", e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void run(Map<String, String> o) throws Exception {
        EventMix mix =
                EventMix.load(Path.of(o.get("samples")), Double.parseDouble(o.get("caps-share")));
        int batch = Integer.parseInt(o.get("batch"));
        int rate = Integer.parseInt(o.get("rate"));
        BatchLoad load =
                new BatchLoad(
                        Integer.parseInt(o.get("port")),
                        o.get("key"),
                        mix,
                        batch,
                        Integer.parseInt(o.get("connections")));
        warmUp(load, o, batch);
        double malformed = Double.parseDouble(o.getOrDefault("malformed-rate", "0"));
        MalformedProducer bad =
                malformed > 0
                        ? new MalformedProducer(
                                o.get("kafka"),
                                o.get("topic"),
                                o.get("bad-prefix"),
                                rate * malformed / (1 - malformed))
                        : null;
        long cpu = ProcessCpu.nanos();
        say("START " + System.currentTimeMillis());
        Thread progress = progress(load);
        if (bad != null) {
            bad.start();
        }
        BatchLoad.Outcome r =
                load.run(
                        o.get("prefix"),
                        rate,
                        Integer.parseInt(o.get("duration")),
                        Long.parseLong(o.getOrDefault("stop-at-acked", "" + Long.MAX_VALUE)));
        long badAcked = bad == null ? 0 : bad.stopAndCount();
        progress.interrupt();
        if (o.containsKey("acked-file")) {
            Files.write(Path.of(o.get("acked-file")), load.ackedBatches().toByteArray());
        }
        double cpuMs = (ProcessCpu.nanos() - cpu) / 1e6;
        say(LoadResult.of(r, badAcked, cpuMs).wire());
    }

    /** The uncounted warm-up phase, if any; then waits for {@code GO}. */
    private static void warmUp(BatchLoad load, Map<String, String> o, int batch) throws Exception {
        int warmupS = Integer.parseInt(o.get("warmup"));
        if (warmupS > 0) {
            BatchLoad.Outcome w =
                    load.run(
                            o.get("warmup-prefix"),
                            Integer.parseInt(o.get("warmup-rate")),
                            warmupS);
            say("WARM " + w.ackedEvents() + " " + (w.failedRequests() * batch));
            awaitGo();
        }
    }

    private static Thread progress(BatchLoad load) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                while (true) {
                                    TimeUnit.SECONDS.sleep(1);
                                    say(
                                            "PROGRESS "
                                                    + System.currentTimeMillis()
                                                    + " "
                                                    + load.acked.get()
                                                    + " "
                                                    + load.failed.get());
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "load-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void awaitGo() throws Exception {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.trim().equals("GO")) {
                return;
            }
        }
        throw new IllegalStateException("stdin closed before GO");
    }

    static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
