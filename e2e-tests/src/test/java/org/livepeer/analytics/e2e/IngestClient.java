package org.livepeer.analytics.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts bodies to a running gateway the way an HTTP producer would. */
final class IngestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final URI ready;
    private final String apiKey;

    /** The gateway's answer: status and parsed JSON body. */
    record Answer(int status, JsonNode body) {}

    IngestClient(int port, String apiKey) {
        this.events = URI.create("http://127.0.0.1:" + port + "/v1/events");
        this.ready = URI.create("http://127.0.0.1:" + port + "/ready");
        this.apiKey = apiKey;
    }

    Answer postJson(String body) throws IOException, InterruptedException {
        return post("application/json", body.getBytes(UTF_8), apiKey);
    }

    Answer postNdjson(String body) throws IOException, InterruptedException {
        return post("application/x-ndjson", body.getBytes(UTF_8), apiKey);
    }

    Answer post(String contentType, byte[] body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(events)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** Whether {@code /ready} answers 200; false when the gateway cannot be reached. */
    boolean ready() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
