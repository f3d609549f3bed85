package org.livepeer.analytics.bench.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real sample events (every line of every {@code *.jsonl}) as the bytes Kafka would carry. */
final class Samples {

    /** Where the samples live in the repository, relative to its root or to {@code bench/}. */
    private static final List<Path> DEFAULT_DIRS =
            List.of(
                    Path.of("event-model/src/test/resources/samples"),
                    Path.of("../event-model/src/test/resources/samples"));

    private Samples() {}

    static List<byte[]> load(String dirArg) throws IOException {
        Path dir =
                dirArg != null
                        ? Path.of(dirArg)
                        : DEFAULT_DIRS.stream()
                                .filter(Files::isDirectory)
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "samples not found; pass their directory"));
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(line.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A cycle of events in which {@code capabilitiesShare} of them are the {@code
     * network_capabilities} samples (taken in turn, spread evenly) and the rest the other samples
     * in turn. The cycle is long enough that every sample appears at least once.
     */
    static List<byte[]> productionMix(List<byte[]> samples, double capabilitiesShare) {
        if (!(capabilitiesShare > 0 && capabilitiesShare < 1)) {
            throw new IllegalArgumentException("capabilitiesShare must be in (0, 1)");
        }
        List<byte[]> caps = new ArrayList<>();
        List<byte[]> others = new ArrayList<>();
        for (byte[] s : samples) {
            (isCapabilities(s) ? caps : others).add(s);
        }
        if (caps.isEmpty() || others.isEmpty()) {
            throw new IllegalArgumentException("the mix needs capabilities and other samples");
        }
        int every = (int) Math.round(1 / capabilitiesShare);
        int length = Math.max(caps.size() * every, others.size());
        List<byte[]> out = new ArrayList<>(length);
        int c = 0;
        int o = 0;
        for (int i = 0; i < length; i++) {
            out.add(
                    i % every == every - 1
                            ? caps.get(c++ % caps.size())
                            : others.get(o++ % others.size()));
        }
        return out;
    }

    private static boolean isCapabilities(byte[] sample) {
        return new String(sample, StandardCharsets.UTF_8)
                .contains("\"type\":\"network_capabilities\"");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
