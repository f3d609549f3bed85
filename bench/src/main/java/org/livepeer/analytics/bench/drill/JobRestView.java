package org.livepeer.analytics.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;

/**
 * What Flink's REST API says about the drill's job: restarts ({@code numRestarts}), checkpoint
 * counts and the latest restore, and the ClickHouse sink's retries (the {@code clickhouse.retries}
 * counters of the running attempt; a restart starts them again from 0).
 */
final class JobRestView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    JobRestView(URI restAddress, JobID job) {
        this.base = restAddress.toString().replaceAll("/$", "") + "/jobs/" + job;
    }

    /**
     * The REST endpoint answers metrics from a cache that a request only schedules to refresh
     * (every {@link FlinkCluster#METRICS_REFRESH} at most): asks once, waits, so that the next
     * answers are current.
     */
    void refreshMetrics() throws IOException, InterruptedException {
        restarts();
        sinkRetries();
        Thread.sleep(3 * FlinkCluster.METRICS_REFRESH.toMillis());
    }

    long restarts() throws IOException {
        JsonNode m = get(base + "/metrics?get=numRestarts");
        return m.isArray() && !m.isEmpty() ? m.get(0).path("value").asLong() : 0;
    }

    /** {@code counts} of {@code /checkpoints}: restored, total, in_progress, completed, failed. */
    JsonNode checkpointCounts() throws IOException {
        return get(base + "/checkpoints").path("counts");
    }

    /** Completed checkpoints; 0 while the job's checkpoint coordinator does not exist yet. */
    long completedCheckpointsOrZero() {
        try {
            return checkpointCounts().path("completed").asLong();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** "chk-12 at 12:01:02" style: the snapshot the job last restored from, or "none". */
    String latestRestore() throws IOException {
        JsonNode r = get(base + "/checkpoints").at("/latest/restored");
        if (r.isMissingNode() || r.isNull()) {
            return "none";
        }
        return (r.path("is_savepoint").asBoolean() ? "savepoint " : "checkpoint ")
                + r.path("id").asLong();
    }

    /** Sum of the sink's {@code clickhouse.retries} over every vertex and table writer. */
    long sinkRetries() throws IOException {
        long sum = 0;
        for (JsonNode vertex : get(base).path("vertices")) {
            String metrics = base + "/vertices/" + vertex.path("id").asText() + "/metrics";
            List<String> ids = new ArrayList<>();
            for (JsonNode m : get(metrics)) {
                String id = m.path("id").asText();
                if (id.endsWith("clickhouse.retries")) {
                    ids.add(id);
                }
            }
            if (!ids.isEmpty()) {
                String get = URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8);
                for (JsonNode m : get(metrics + "?get=" + get)) {
                    sum += m.path("value").asLong();
                }
            }
        }
        return sum;
    }

    private JsonNode get(String url) throws IOException {
        try {
            HttpResponse<byte[]> r =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException(url + " answered " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
