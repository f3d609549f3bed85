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

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
