package org.livepeer.analytics.bench.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.parse.EventParsers;
import org.livepeer.analytics.event.parse.ParseOutcome;
import org.livepeer.analytics.event.rows.EventMeta;
import org.livepeer.analytics.event.rows.RowLines;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * The processor's parse stage alone on one thread: strict JSON, envelope rules, the type's parser
 * and the JSONEachRow rendering of every row, over the real samples in turn. Baseline, measured in
 * the same run over the same bytes: Jackson's plain {@code readTree}.
 *
 * <p>Usage: {@code ParseBench [eventsPerRun=500000] [runs=5] [samplesDir|-] [capabilitiesShare]}.
 * {@code -} stands for the repository's samples. Without a share every sample line is one event of
 * the cycle; with one (e.g. {@code 0.002}) the cycle is the production mix: that fraction of the
 * events are {@code network_capabilities} snapshots (one per orchestrator refresh, a few a minute)
 * and the rest the per-stream events (every 5 to 10 s per stream). Rates are per second of wall
 * time and per second of this thread's CPU time; the latter is what one core sustains and is less
 * disturbed by other load on the machine.
 */
public final class ParseBench {

    private ParseBench() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String dir = args.length > 2 && !args[2].equals("-") ? args[2] : null;
        List<byte[]> samples = Samples.load(dir);
        if (args.length > 3) {
            samples = Samples.productionMix(samples, Double.parseDouble(args[3]));
        }
        ObjectMapper plain = new ObjectMapper();
        Stage parse = ParseBench::parseStage;
        Stage baseline = bytes -> plain.readTree(bytes).size();
        // Warm-up: let the JIT compile both paths before anything is timed.
        run(parse, samples, events);
        run(baseline, samples, events);
        List<Rate> parseRates = new ArrayList<>();
        List<Rate> baseRates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            parseRates.add(run(parse, samples, events));
            baseRates.add(run(baseline, samples, events));
        }
        double p = Samples.median(parseRates.stream().map(Rate::wall).toList());
        double b = Samples.median(baseRates.stream().map(Rate::wall).toList());
        double pc = Samples.median(parseRates.stream().map(Rate::cpu).toList());
        double bc = Samples.median(baseRates.stream().map(Rate::cpu).toList());
        double rowsPerEvent = rowsPerEvent(samples);
        System.out.printf(
                Locale.ROOT,
                "parse stage: median %.0f events/s (runs %s), %.0f rows/s%n"
                        + "baseline readTree: median %.0f events/s (runs %s)%n"
                        + "per CPU second: parse stage %.0f events/s (runs %s), %.0f rows/s;"
                        + " baseline %.0f events/s (runs %s)%n"
                        + "ratio parse/baseline: %.2f wall, %.2f CPU (samples: %d events, mean %.0f"
                        + " bytes, %.2f rows, %d per run; parse stage %.1f MB/s)%n",
                p,
                rounded(parseRates, Rate::wall),
                p * rowsPerEvent,
                b,
                rounded(baseRates, Rate::wall),
                pc,
                rounded(parseRates, Rate::cpu),
                pc * rowsPerEvent,
                bc,
                rounded(baseRates, Rate::cpu),
                p / b,
                pc / bc,
                samples.size(),
                meanBytes(samples),
                rowsPerEvent,
                events,
                p * meanBytes(samples) / 1e6);
    }

    /** Events per second of wall time and of the measuring thread's CPU time. */
    record Rate(double wall, double cpu) {}

    /** One event through the stage; returns something derived so the JIT cannot drop the work. */
    @FunctionalInterface
    interface Stage {
        int apply(byte[] bytes) throws Exception;
    }

    static int parseStage(byte[] bytes) throws Exception {
        JsonNode node = StrictJson.parse(bytes);
        Envelope envelope = ((EnvelopeCheck.Valid) EnvelopeValidator.validate(node)).envelope();
        ParseOutcome outcome = EventParsers.forType(envelope.type()).orElseThrow().parse(envelope);
        EventMeta meta =
                new EventMeta(
                        envelope.id(),
                        envelope.type(),
                        envelope.timestampMs(),
                        envelope.gateway(),
                        "bench");
        RowLines lines = RowLines.of(meta);
        int chars = 0;
        for (TypedRow row : ((ParseOutcome.Parsed) outcome).rows()) {
            chars += lines.line(row).length();
        }
        return chars;
    }

    private static Rate run(Stage stage, List<byte[]> samples, int events) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            sink += stage.apply(samples.get(i % samples.size()));
        }
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (sink == 42) {
            System.out.println("unlikely");
        }
        return new Rate(events / (elapsed / 1e9), events / (cpu / 1e9));
    }

    /** Mean typed rows per event of the cycle (the parse is deterministic, so once is enough). */
    private static double rowsPerEvent(List<byte[]> samples) throws Exception {
        long rows = 0;
        for (byte[] bytes : samples) {
            Envelope envelope =
                    ((EnvelopeCheck.Valid) EnvelopeValidator.validate(StrictJson.parse(bytes)))
                            .envelope();
            ParseOutcome outcome =
                    EventParsers.forType(envelope.type()).orElseThrow().parse(envelope);
            rows += ((ParseOutcome.Parsed) outcome).rows().size();
        }
        return (double) rows / samples.size();
    }

    private static double meanBytes(List<byte[]> samples) {
        return samples.stream().mapToInt(b -> b.length).average().orElse(0);
    }

    private static String rounded(List<Rate> rates, ToDoubleFunction<Rate> which) {
        return rates.stream()
                .map(r -> String.format(Locale.ROOT, "%.0f", which.applyAsDouble(r)))
                .toList()
                .toString();
    }
}
