package org.livepeer.analytics.sse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.http.RawHttp;
import org.livepeer.analytics.sse.SseVerticle;
import org.livepeer.analytics.sse.config.SseConfig;

/**
 * The client edge of a running SSE API (no Kafka needed: nothing here reaches a stream): the
 * connection cap, the idle and request-read timeouts, and unknown methods.
 */
class ClientEdgeTest {

    /**
     * Far longer than any timeout below, for a loaded machine: a socket still open after it was
     * never going to close.
     */
    private final Vertx vertx = Vertx.vertx();

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void aConnectionBeyondTheCapIsClosedAtOnceAndCounted() throws Exception {
        int port = start(Map.of("SSE_MAX_CLIENTS", "3", "SSE_MAX_CONNECTIONS", "3"));
        for (int i = 0; i < 3; i++) {
            // Answered, so accepted and counted before the next one connects.
            Socket s = connect(port);
            send(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            s.setSoTimeout(RawHttp.STILL_OPEN_MS);
            assertTrue(RawHttp.readResponse(s.getInputStream()).startsWith("HTTP/1.1 200"));
        }
        Socket fourth = connect(port);
        send(fourth, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

        assertEquals("", RawHttp.readUntilClosed(fourth), "no answer beyond the cap");
        for (Socket s : sockets) {
            s.close();
        }
        String metrics = get(port, "/metrics").body();
        assertTrue(
                metrics.contains("sse_connections_rejected_total{reason=\"connection_limit\"} 1.0"),
                metrics);
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        int port = start(Map.of("SSE_HEARTBEAT_MS", "200", "SSE_IDLE_TIMEOUT_MS", "500"));
        Socket s = connect(port);
        send(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

        String got = RawHttp.readUntilClosed(s);
        assertTrue(got.startsWith("HTTP/1.1 200"), got);
        assertTrue(got.endsWith("{\"status\":\"up\"}"), got);
    }

    @Test
    void aRequestWhoseHeadersDoNotCompleteIsClosedAfterTheRequestReadTimeout() throws Exception {
        // The idle timeout stays at its 60 s default: what closes the connection is the deadline.
        int port = start(Map.of("SSE_REQUEST_READ_TIMEOUT_MS", "300"));
        Socket s = connect(port);
        send(s, "GET /health HTTP/1.1\r\nHost: x\r\n");

        assertEquals("", RawHttp.readUntilClosed(s));
        assertTrue(
                get(port, "/metrics")
                        .body()
                        .contains(
                                "sse_connections_closed_total{reason=\"request_read_timeout\"}"
                                        + " 1.0"));
    }

    @Test
    void aKeptAliveConnectionServesTheNextRequestWithinItsDeadline() throws Exception {
        int port = start(Map.of("SSE_REQUEST_READ_TIMEOUT_MS", "300"));
        Socket s = connect(port);
        s.setSoTimeout(RawHttp.STILL_OPEN_MS);
        InputStream in = s.getInputStream();
        for (int i = 0; i < 3; i++) {
            send(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            String response = RawHttp.readResponse(in);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
        }
    }

    @Test
    void unknownAndUnservedMethodsGetJsonErrorsBeforeAuthAndFixedMeterTags() throws Exception {
        int port = start(Map.of());
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Integer> cases = new HashMap<>();
        cases.put("BREW /v1/live/metrics", 501);
        cases.put("FOO /health", 501);
        cases.put("DELETE /v1/live/metrics", 405);
        cases.put("POST /v1/live/events", 405);
        cases.put("PUT /health", 405);
        cases.put("PATCH /", 405);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            String[] request = c.getKey().split(" ");
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + request[1]))
                                    .method(request[0], HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(c.getValue(), r.statusCode(), c.getKey());
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
            JsonObject body = new JsonObject(r.body());
            assertEquals(
                    c.getValue() == 405 ? "method_not_allowed" : "method_not_implemented",
                    body.getString("error"),
                    c.getKey());
            assertEquals("GET, OPTIONS", r.headers().firstValue("Allow").orElse(""));
        }
        String metrics = get(port, "/metrics").body();
        assertTrue(
                metrics.contains(
                        "sse_connections_rejected_total{reason=\"method_not_implemented\"} 2.0"),
                metrics);
        assertTrue(
                metrics.contains(
                        "sse_connections_rejected_total{reason=\"method_not_allowed\"} 4.0"),
                metrics);
        assertFalse(metrics.contains("BREW") || metrics.contains("FOO"), metrics);
        assertEquals("not_found", new JsonObject(get(port, "/nothing").body()).getString("error"));
    }

    private int start(Map<String, String> overrides) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SSE_PORT", "0");
        env.put("SSE_TOKEN", "read-token");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("SSE_EVENT_LOOPS", "2");
        env.putAll(overrides);
        SseVerticle verticle = new SseVerticle(SseConfig.fromEnv(env));
        vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
        return verticle.actualPort();
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
