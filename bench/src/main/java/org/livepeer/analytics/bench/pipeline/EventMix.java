package org.livepeer.analytics.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The production mix of the real samples ({@code event-model/src/test/resources/samples}) as
 * templates whose envelope {@code id} and {@code timestamp} are filled in per event: every event of
 * a run gets a unique id and the current time. A share {@code capabilitiesShare} of the events are
 * {@code network_capabilities} snapshots (spread evenly), the rest the per-stream samples in turn.
 */
public final class EventMix {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"[^\"]*\"");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":(\"\\d+\"|\\d+)");

    /** One event's text around its id and timestamp. */
    public record Template(String type, String head, String middle, String tail) {

        public void append(StringBuilder out, String id, long timestampMs) {
            out.append(head).append(id).append(middle).append(timestampMs).append(tail);
        }
    }

    private final List<Template> cycle;

    private EventMix(List<Template> cycle) {
        this.cycle = cycle;
    }

    public static EventMix load(Path samplesDir, double capabilitiesShare) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(samplesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        lines.add(line.trim());
                    }
                }
            }
        }
        return of(lines, capabilitiesShare);
    }

    static EventMix of(List<String> samples, double capabilitiesShare) {
        if (!(capabilitiesShare >= 0 && capabilitiesShare < 1)) {
            throw new IllegalArgumentException("capabilities share must be in [0, 1)");
        }
        List<Template> caps = new ArrayList<>();
        List<Template> others = new ArrayList<>();
        for (String s : samples) {
            Template t = template(s);
            (t.type().equals("network_capabilities") ? caps : others).add(t);
        }
        if (others.isEmpty() || (capabilitiesShare > 0 && caps.isEmpty())) {
            throw new IllegalArgumentException("the mix needs per-stream and capabilities samples");
        }
        if (capabilitiesShare == 0) {
            return new EventMix(others);
        }
        int every = (int) Math.round(1 / capabilitiesShare);
        int length = Math.max(caps.size() * every, others.size());
        List<Template> cycle = new ArrayList<>(length);
        int c = 0;
        int o = 0;
        for (int i = 0; i < length; i++) {
            cycle.add(
                    i % every == every - 1
                            ? caps.get(c++ % caps.size())
                            : others.get(o++ % others.size()));
        }
        return new EventMix(cycle);
    }

    /** Splits a sample at its envelope id and timestamp (the first members, as Go writes them). */
    static Template template(String sample) {
        Matcher id = ID.matcher(sample);
        int data = sample.indexOf("\"data\":");
        Matcher ts = TIMESTAMP.matcher(sample);
        if (!id.find() || data < 0 || !ts.find(id.end()) || ts.start() > data) {
            throw new IllegalArgumentException("no envelope id/timestamp before data: " + sample);
        }
        int typeAt = sample.indexOf("\"type\":\"", id.end());
        String type = sample.substring(typeAt + 8, sample.indexOf('"', typeAt + 8));
        return new Template(
                type,
                "{\"id\":\"",
                "\"" + sample.substring(id.end(), ts.start()) + "\"timestamp\":\"",
                "\"" + sample.substring(ts.end()));
    }

    public int size() {
        return cycle.size();
    }

    public Template at(long i) {
        return cycle.get((int) (i % cycle.size()));
    }

    /** Events {@code first .. first+count-1} as a JSON array, ids {@code idPrefix<n>}. */
    String batch(String idPrefix, long first, int count, long timestampMs) {
        StringBuilder out = new StringBuilder(count * 600);
        out.append('[');
        for (int j = 0; j < count; j++) {
            if (j > 0) {
                out.append(',');
            }
            long n = first + j;
            at(n).append(out, idPrefix + n, timestampMs);
        }
        return out.append(']').toString();
    }
}
