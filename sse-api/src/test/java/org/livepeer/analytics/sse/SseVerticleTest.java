package org.livepeer.analytics.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.config.ConfigException;
import org.livepeer.analytics.sse.config.SseConfig;

class SseVerticleTest {

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** No broker at 127.0.0.1:1: the API serves, but is not ready. */
    private static final Map<String, String> NO_BROKER =
            Map.of("SSE_PORT", "0", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");

    private static final Map<String, String> WITH_TOKEN = Map.of("SSE_TOKEN", "read-token");

    /** Deploys the verticle with {@link #NO_BROKER} plus {@code env}, runs the checks, closes. */
    private static void onAServer(Map<String, String> env, PortCheck checks) throws Exception {
        Map<String, String> all = new HashMap<>(NO_BROKER);
        all.putAll(env);
        Vertx vertx = Vertx.vertx();
        try {
            SseVerticle verticle = new SseVerticle(SseConfig.fromEnv(all));
            vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
            checks.on(verticle.actualPort());
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private interface PortCheck {
        void on(int port) throws Exception;
    }

    @Test
    void servesHealthAndReadyOnAFreePort() throws Exception {
        onAServer(
                WITH_TOKEN,
                port -> {
                    assertTrue(port > 0);

                    HttpResponse<String> health = get(port, "/health");
                    assertEquals(200, health.statusCode());
                    assertEquals(
                            new JsonObject().put("status", "up"), new JsonObject(health.body()));
                    // No broker at 127.0.0.1:1: not ready, and the live endpoints say so after
                    // auth.
                    assertEquals(503, get(port, "/ready").statusCode());
                    assertEquals(401, get(port, "/v1/live/metrics").statusCode());
                    assertEquals(
                            503,
                            get(port, "/v1/live/metrics?access_token=read-token").statusCode());
                    assertEquals(
                            400,
                            get(port, "/v1/live/metrics?scope=x&access_token=read-token")
                                    .statusCode());
                    assertEquals(200, get(port, "/").statusCode());
                    assertEquals(200, get(port, "/vendor/uplot/uPlot.iife.min.js").statusCode());
                });
    }

    @Test
    void everyErrorIsTheOneJsonShapeWithItsHeaders() throws Exception {
        onAServer(
                WITH_TOKEN,
                port -> {
                    HttpResponse<String> denied = get(port, "/v1/live/metrics");
                    HttpResponse<String> badFilter =
                            get(port, "/v1/live/metrics?scope=x&access_token=read-token");
                    HttpResponse<String> notReady =
                            get(port, "/v1/live/events?access_token=read-token");
                    HttpResponse<String> ready = get(port, "/ready");

                    assertEquals(
                            "{\"error\":\"unauthorized\",\"message\":\"a read token is required"
                                    + " (Authorization: Bearer or access_token)\"}",
                            denied.body());
                    assertEquals(
                            "Bearer", denied.headers().firstValue("WWW-Authenticate").orElse(""));
                    assertEquals(
                            "{\"error\":\"invalid_filter\",\"message\":\"scope must be network,"
                                    + " orchestrator or pipeline, got 'x'\"}",
                            badFilter.body());
                    assertEquals(503, notReady.statusCode());
                    assertEquals("not_ready", new JsonObject(notReady.body()).getString("error"));
                    assertEquals("2", notReady.headers().firstValue("Retry-After").orElse(""));
                    assertEquals(
                            "{\"error\":\"not_ready\",\"message\":\"Kafka consumer not connected yet:"
                                    + " live-metrics, streaming-events\"}",
                            ready.body());
                    assertEquals("2", ready.headers().firstValue("Retry-After").orElse(""));
                    for (HttpResponse<String> r : List.of(denied, badFilter, notReady, ready)) {
                        assertEquals(
                                "application/json",
                                r.headers().firstValue("Content-Type").orElse(""));
                    }
                });
    }

    @Test
    void anOriginCorsDoesNotAllowIsAJson403() throws Exception {
        Map<String, String> cors =
                Map.of("SSE_AUTH", "none", "SSE_CORS_ORIGINS", "http://a.example");
        onAServer(
                cors,
                port -> {
                    HttpResponse<String> refused =
                            HttpClient.newHttpClient()
                                    .send(
                                            HttpRequest.newBuilder(
                                                            URI.create(
                                                                    "http://127.0.0.1:"
                                                                            + port
                                                                            + "/v1/live/metrics"))
                                                    .header("Origin", "http://b.example")
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString());

                    assertEquals(403, refused.statusCode());
                    assertEquals(
                            "{\"error\":\"forbidden\",\"message\":\"origin not allowed\"}",
                            refused.body());
                });
    }

    @Test
    void defaultsAndTokenHandling() {
        SseConfig config = SseConfig.fromEnv(Map.of("SSE_TOKEN", "read-token"));

        assertEquals("127.0.0.1", config.host());
        assertEquals(8090, config.port());
        assertEquals("live-metrics", config.metricsTopic());
        assertEquals("streaming-events", config.eventsTopic());
        assertEquals(15_000, config.heartbeatMs());
        assertTrue(config.corsOrigins().isEmpty());
        assertEquals(
                List.of("http://a", "http://b"),
                SseConfig.fromEnv(
                                Map.of(
                                        "SSE_AUTH",
                                        "none",
                                        "SSE_CORS_ORIGINS",
                                        " http://a, http://b "))
                        .corsOrigins());
        assertTrue(config.authEnabled());
        assertEquals(64, config.tokenSha256Hex().length());
        assertFalse(config.toString().contains("read-token"), config.toString());
        assertFalse(config.toString().contains(config.tokenSha256Hex()), config.toString());

        SseConfig open = SseConfig.fromEnv(Map.of("SSE_AUTH", "none"));
        assertFalse(open.authEnabled());
        assertEquals("", open.tokenSha256Hex());
    }

    @Test
    void rejectsInvalidConfigurationNamingTheKey() {
        assertEquals(
                "SSE_TOKEN is required (or set SSE_AUTH=none to serve without a token)",
                configError(Map.of()));
        assertEquals(
                "SSE_PORT must be an integer from 0 to 65535, got '-1'",
                configError(Map.of("SSE_AUTH", "none", "SSE_PORT", "-1")));
        assertEquals(
                "SSE_AUTH must be 'token' or 'none', got 'basic'",
                configError(Map.of("SSE_AUTH", "basic")));
        assertEquals(
                "SSE_CLIENT_BUFFER_MESSAGES must be an integer from 1 to 1000000, got '0'",
                configError(Map.of("SSE_AUTH", "none", "SSE_CLIENT_BUFFER_MESSAGES", "0")));
        assertEquals(
                "SSE_HOST must not be empty",
                configError(Map.of("SSE_AUTH", "none", "SSE_HOST", " ")));
    }

    @Test
    void eventLoopsDefaultToOnePerCoreAndAreBounded() {
        assertEquals(
                Runtime.getRuntime().availableProcessors(),
                SseConfig.fromEnv(Map.of("SSE_AUTH", "none")).eventLoops());
        assertEquals(
                3,
                SseConfig.fromEnv(Map.of("SSE_AUTH", "none", "SSE_EVENT_LOOPS", "3")).eventLoops());
        assertEquals(
                "SSE_EVENT_LOOPS must be an integer from 0 to 256, got '-1'",
                configError(Map.of("SSE_AUTH", "none", "SSE_EVENT_LOOPS", "-1")));
    }

    @Test
    void partitionRefreshHasADefaultAndBounds() {
        assertEquals(10_000, SseConfig.fromEnv(Map.of("SSE_AUTH", "none")).partitionRefreshMs());
        assertEquals(
                500,
                SseConfig.fromEnv(Map.of("SSE_AUTH", "none", "SSE_PARTITION_REFRESH_MS", "500"))
                        .partitionRefreshMs());
        assertEquals(
                "SSE_PARTITION_REFRESH_MS must be an integer from 100 to 3600000, got '99'",
                configError(Map.of("SSE_AUTH", "none", "SSE_PARTITION_REFRESH_MS", "99")));
    }

    /** The message a configuration that {@link SseConfig#fromEnv} refuses is refused with. */
    private static String configError(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> SseConfig.fromEnv(env)).getMessage();
    }
}
