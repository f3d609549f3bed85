package org.livepeer.analytics.sqlcompat.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real sample events (event-model's test resources; folder in system property {@value
 * #PROPERTY}) as Kafka record values, moved forward by whole days so the oldest lands yesterday:
 * the 90-day TTL that 26.x applies would otherwise delete them on the next merge. Whole days keep
 * every hour and day bucket's shape. Plus records that must be dead-lettered, one per kind.
 */
public final class SampleRecords {
    public static final String PROPERTY = "sqlcompat.samples";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleRecords() {}

    /** Every sample line, shifted, followed by the malformed records. */
    public static List<byte[]> all(Instant now) {
        List<ObjectNode> samples = load(Path.of(System.getProperty(PROPERTY, "")));
        long oldest = samples.stream().mapToLong(SampleRecords::timestampMs).min().orElseThrow();
        Instant yesterday = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        long shiftDays = Duration.between(Instant.ofEpochMilli(oldest), yesterday).toDays();
        long shiftMs = Math.max(0, shiftDays) * Duration.ofDays(1).toMillis();
        List<byte[]> out = new ArrayList<>();
        for (ObjectNode e : samples) {
            long ts = timestampMs(e) + shiftMs;
            // Keep the wire type: go-livepeer sends a digit string, other producers a number.
            if (e.get("timestamp").isTextual()) {
                e.put("timestamp", Long.toString(ts));
            } else {
                e.put("timestamp", ts);
            }
            out.add(bytes(e));
        }
        out.addAll(malformed(samples, yesterday.toEpochMilli()));
        return out;
    }

    /** One record per dead-letter path: bad JSON, bad envelope, unknown type, bad payload value. */
    private static List<byte[]> malformed(List<ObjectNode> samples, long ts) {
        ObjectNode unknown = JSON.createObjectNode();
        unknown.put("id", "sqlcompat-unknown-type");
        unknown.put("type", "stream_heartbeat");
        unknown.put("timestamp", Long.toString(ts));
        unknown.putObject("data").put("stream_id", "s");
        ObjectNode noData = JSON.createObjectNode();
        noData.put("id", "sqlcompat-no-data");
        noData.put("type", "ai_stream_status");
        noData.put("timestamp", Long.toString(ts));
        ObjectNode badLatency =
                samples.stream()
                        .filter(e -> "discovery_results".equals(e.path("type").asText()))
                        .findFirst()
                        .orElseThrow()
                        .deepCopy();
        badLatency.put("id", "sqlcompat-bad-latency");
        ((ObjectNode) badLatency.get("data").get(0)).put("latency_ms", "abc");
        return List.of(
                "{\"id\": \"sqlcompat-truncated\"".getBytes(StandardCharsets.UTF_8),
                bytes(unknown),
                bytes(noData),
                bytes(badLatency));
    }

    private static long timestampMs(JsonNode e) {
        JsonNode ts = e.get("timestamp");
        return ts.isTextual() ? Long.parseLong(ts.textValue()) : ts.longValue();
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<ObjectNode> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "Sample folder '" + dir + "' (system property " + PROPERTY + ") not found");
        }
        List<ObjectNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add((ObjectNode) JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
