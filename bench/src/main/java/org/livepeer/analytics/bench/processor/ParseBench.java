package org.livepeer.analytics.bench.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.parse.EventParsers;
import org.livepeer.analytics.event.parse.ParseOutcome;
import org.livepeer.analytics.event.rows.EventMeta;
import org.livepeer.analytics.event.rows.RowJson;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * The processor's parse stage alone on one thread: strict JSON, envelope rules, the type's parser
 * and the JSONEachRow rendering of every row, over the real samples in turn. Baseline, measured in
 * the same run over the same bytes: Jackson's plain {@code readTree}.
 *
 * <p>Usage: {@code ParseBench [eventsPerRun=500000] [runs=5] [samplesDir]}
 */
public final class ParseBench {

    private ParseBench() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<byte[]> samples = Samples.load(args.length > 2 ? args[2] : null);
        ObjectMapper plain = new ObjectMapper();
        Stage parse = ParseBench::parseStage;
        Stage baseline = bytes -> plain.readTree(bytes).size();
        // Warm-up: let the JIT compile both paths before anything is timed.
        run(parse, samples, events);
        run(baseline, samples, events);
        List<Double> parseRates = new ArrayList<>();
        List<Double> baseRates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            parseRates.add(run(parse, samples, events));
            baseRates.add(run(baseline, samples, events));
        }
        double p = Samples.median(parseRates);
        double b = Samples.median(baseRates);
        System.out.printf(
                Locale.ROOT,
                "parse stage: median %.0f events/s (runs %s)%n"
                        + "baseline readTree: median %.0f events/s (runs %s)%n"
                        + "ratio parse/baseline: %.2f (samples: %d events, mean %.0f bytes, %d per"
                        + " run; parse stage %.1f MB/s)%n",
                p,
                rounded(parseRates),
                b,
                rounded(baseRates),
                p / b,
                samples.size(),
                meanBytes(samples),
                events,
                p * meanBytes(samples) / 1e6);
    }

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
        int chars = 0;
        for (TypedRow row : ((ParseOutcome.Parsed) outcome).rows()) {
            chars += RowJson.line(meta, row).length();
        }
        return chars;
    }

    private static double run(Stage stage, List<byte[]> samples, int events) throws Exception {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            sink += stage.apply(samples.get(i % samples.size()));
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.println("unlikely");
        }
        return events / (elapsed / 1e9);
    }

    private static double meanBytes(List<byte[]> samples) {
        return samples.stream().mapToInt(b -> b.length).average().orElse(0);
    }

    private static String rounded(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList().toString();
    }
}
