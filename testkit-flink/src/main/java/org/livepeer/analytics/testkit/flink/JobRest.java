package org.livepeer.analytics.testkit.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What Flink's REST API says about one job: its state, checkpoint counts and failures, the latest
 * restore, restarts ({@code numRestarts}) and the sum of an operator metric over every vertex; and
 * a stop with a savepoint, as docs/operations.md does it with curl. Metrics come from a cache the
 * REST endpoint refreshes at most every {@code metrics.fetcher.update-interval}.
 */
public final class JobRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** {@code restAddress} as a MiniCluster reports it ({@code getRestAddress}/web UI URL). */
    public JobRest(String restAddress, String jobId) {
        this.base = restAddress.replaceAll("/$", "") + "/jobs/" + jobId;
    }

    /** RUNNING, RESTARTING, FINISHED…: the job's {@code state}. */
    public String state() {
        return get(base).path("state").asText();
    }

    /**
     * {@code POST /jobs/:id/stop}: stop with a savepoint (Flink's default, canonical format) into
     * {@code targetDirectory}, without draining; returns the trigger id for {@link
     * #savepointStatus}.
     */
    public String stopWithSavepoint(String targetDirectory) {
        ObjectNode body = JSON.createObjectNode();
        body.put("targetDirectory", targetDirectory);
        body.put("drain", false);
        return send(
                        HttpRequest.newBuilder(URI.create(base + "/stop"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                        base + "/stop")
                .path("request-id")
                .asText();
    }

    /**
     * {@code GET /jobs/:id/savepoints/:trigger}: {@code status.id} (IN_PROGRESS, COMPLETED) and,
     * once completed, {@code operation.location} or {@code operation.failure-cause}.
     */
    public JsonNode savepointStatus(String triggerId) {
        return get(base + "/savepoints/" + triggerId);
    }

    /** {@code counts} (completed, failed, restored…), {@code latest} and {@code history}. */
    public JsonNode checkpoints() {
        return get(base + "/checkpoints");
    }

    public long completedCheckpoints() {
        return checkpoints().at("/counts/completed").asLong();
    }

    /** Completed checkpoints; 0 while the job's checkpoint coordinator does not exist yet. */
    public long completedCheckpointsOrZero() {
        try {
            return completedCheckpoints();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public long failedCheckpoints() {
        return checkpoints().at("/counts/failed").asLong();
    }

    /** "id: failure message" of every failed checkpoint still in the REST history. */
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        for (JsonNode c : checkpoints().path("history")) {
            if ("FAILED".equals(c.path("status").asText())) {
                out.add(c.path("id").asLong() + ": " + c.path("failure_message").asText());
            }
        }
        return out;
    }

    /** "savepoint 3" or "checkpoint 12": what the job last restored from, or "none". */
    public String latestRestore() {
        JsonNode r = checkpoints().at("/latest/restored");
        if (r.isMissingNode() || r.isNull()) {
            return "none";
        }
        return (r.path("is_savepoint").asBoolean() ? "savepoint " : "checkpoint ")
                + r.path("id").asLong();
    }

    /** The job's {@code numRestarts} metric. */
    public long restarts() {
        JsonNode m = get(base + "/metrics?get=numRestarts");
        return m.isArray() && !m.isEmpty() ? m.get(0).path("value").asLong() : 0;
    }

    /** The sum over every vertex and subtask of the metrics whose id ends with {@code suffix}. */
    public long sumOfOperatorMetrics(String suffix) {
        long sum = 0;
        for (JsonNode vertex : get(base).path("vertices")) {
            String metrics = base + "/vertices/" + vertex.path("id").asText() + "/metrics";
            List<String> ids = new ArrayList<>();
            for (JsonNode m : get(metrics)) {
                String id = m.path("id").asText();
                if (id.endsWith(suffix)) {
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

    private JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)), url);
    }

    private JsonNode send(HttpRequest.Builder request, String url) {
        try {
            HttpResponse<byte[]> r =
                    http.send(
                            request.timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        url
                                + " answered "
                                + r.statusCode()
                                + ": "
                                + new String(r.body(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(url + ": interrupted", e);
        }
    }
}
