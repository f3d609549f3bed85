package org.livepeer.analytics.processor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What Flink's REST API says about one job's checkpoints and restarts. */
final class JobRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    JobRest(String webInterfaceUrl, String jobId) {
        this.base = webInterfaceUrl.replaceAll("/$", "") + "/jobs/" + jobId;
    }

    /** {@code counts} (completed, failed, restored…) and {@code latest.completed} of the job. */
    JsonNode checkpoints() {
        return get(base + "/checkpoints");
    }

    long completedCheckpoints() {
        return checkpoints().at("/counts/completed").asLong();
    }

    long failedCheckpoints() {
        return checkpoints().at("/counts/failed").asLong();
    }

    /** "id: failure message" of every failed checkpoint still in the REST history. */
    List<String> failures() {
        List<String> out = new ArrayList<>();
        for (JsonNode c : checkpoints().path("history")) {
            if ("FAILED".equals(c.path("status").asText())) {
                out.add(c.path("id").asLong() + ": " + c.path("failure_message").asText());
            }
        }
        return out;
    }

    /** The job's {@code numRestarts} metric. */
    long restarts() {
        JsonNode metrics = get(base + "/metrics?get=numRestarts");
        return metrics.isArray() && !metrics.isEmpty() ? metrics.get(0).path("value").asLong() : 0;
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<byte[]> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
