package org.livepeer.analytics.event.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one loader of the real sample events ({@code samples/<type>.jsonl} in event-model's test
 * resources, shipped to other modules' tests in its test-jar): read from the classpath, so it works
 * from the jar as well as from {@code target/test-classes}. Each event is the exact line of its
 * file; blank lines are skipped.
 */
public final class SampleFiles {

    /**
     * The event types that have a sample file, sorted; the file is {@code samples/<type>.jsonl}.
     */
    public static final List<String> TYPES =
            List.of(
                    "ai_stream_events",
                    "ai_stream_status",
                    "create_new_payment",
                    "discovery_results",
                    "network_capabilities",
                    "stream_ingest_metrics",
                    "stream_trace");

    /** The file names, in the order of {@link #TYPES}. */
    public static final List<String> FILES = TYPES.stream().map(t -> t + ".jsonl").toList();

    /** How many events the files hold together. */
    public static final int COUNT = 62;

    private SampleFiles() {}

    /** The raw bytes of one file, e.g. {@code read("stream_trace.jsonl")}. */
    public static byte[] read(String file) {
        String resource = "samples/" + file;
        try (InputStream in = SampleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events of one type, in file order. */
    public static List<String> lines(String type) {
        List<String> out = new ArrayList<>();
        for (String line : new String(read(type + ".jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** Every sample event, type by type in the order of {@link #TYPES}. */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (String type : TYPES) {
            out.addAll(lines(type));
        }
        return out;
    }

    /** Event type to its events, in the order of {@link #TYPES}. */
    public static Map<String, List<String>> byType() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String type : TYPES) {
            out.put(type, lines(type));
        }
        return out;
    }
}
