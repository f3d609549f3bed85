package org.livepeer.analytics.sse.it;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.sse.SseVerticle;
import org.livepeer.analytics.sse.config.SseConfig;

/**
 * The SSE API as the ITs deploy it: on a free port, reading a real broker, with a read token;
 * returned once {@code /ready} answers 200, i.e. its consumers are connected.
 */
final class DeployedSse {

    private DeployedSse() {}

    /**
     * Deploys on {@code vertx} with {@code SSE_PORT=0}, the token and the broker, plus {@code
     * settings} (docs/configuration.md, "SSE API"); returns the base URL, {@code
     * http://127.0.0.1:<port>}.
     */
    static String deploy(
            Vertx vertx, String bootstrapServers, String token, Map<String, String> settings)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SSE_PORT", "0");
        env.put("SSE_TOKEN", token);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.putAll(settings);
        SseVerticle verticle = new SseVerticle(SseConfig.fromEnv(env));
        vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + verticle.actualPort();
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(base));
        return base;
    }

    private static boolean ready(String base) throws Exception {
        return HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + "/ready")).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                == 200;
    }
}
