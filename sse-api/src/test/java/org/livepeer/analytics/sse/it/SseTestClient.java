package org.livepeer.analytics.sse.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal EventSource for tests: collects every frame on a reader thread. */
final class SseTestClient implements AutoCloseable {

    record Frame(String id, String event, String data, long receivedAtMs) {}

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final int status;
    private volatile boolean ended;

    private SseTestClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        Thread t = new Thread(this::read, "sse-test-client");
        t.setDaemon(true);
        t.start();
    }

    static SseTestClient open(String url, String lastEventId) throws Exception {
        HttpRequest.Builder req =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            req.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new SseTestClient(
                client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return status;
    }

    List<Frame> frames() {
        return frames;
    }

    List<Frame> frames(String event) {
        return frames.stream().filter(f -> f.event().equals(event)).toList();
    }

    List<String> comments() {
        return comments;
    }

    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(
                                new Frame(id, event, data.toString(), System.currentTimeMillis()));
                    }
                    id = null;
                    event = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // Closed by the test or the server.
        }
        ended = true;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
