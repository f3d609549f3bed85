package org.livepeer.analytics.flinkcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster-wide part of a JobManager's REST API (one job's view is testkit-flink's {@code
 * JobRest}): whether it answers, which TaskManagers are registered, which jobs it runs. Every
 * method answers "nothing" while the JobManager is down, so callers can await a condition.
 */
final class ClusterRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    ClusterRest(String restUrl) {
        this.base = restUrl;
    }

    /** compose's JobManager health check: {@code GET /overview} answers 200. */
    boolean answers() {
        return get("/overview").isPresent();
    }

    /** Ids of the TaskManagers registered with the resource manager. */
    List<String> taskManagers() {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers")
                .ifPresent(
                        t -> t.path("taskmanagers").forEach(n -> ids.add(n.path("id").asText())));
        return ids;
    }

    /** The id of the job in {@code state} (the application's only one), if there is one. */
    Optional<String> jobIn(String state) {
        return get("/jobs")
                .flatMap(
                        j -> {
                            for (JsonNode job : j.path("jobs")) {
                                if (state.equals(job.path("status").asText())) {
                                    return Optional.of(job.path("id").asText());
                                }
                            }
                            return Optional.empty();
                        });
    }

    private Optional<JsonNode> get(String path) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not listening (yet, or any more)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
