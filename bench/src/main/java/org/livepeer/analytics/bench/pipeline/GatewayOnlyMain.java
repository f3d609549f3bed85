package org.livepeer.analytics.bench.pipeline;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.gateway.GatewayVerticle;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The ingest gateway in a JVM of its own, set up as the launcher sets it up (gateway defaults, one
 * Vert.x). With {@code --home dir} (the end-to-end bench's baseline) it runs its own in-process
 * Kafka broker with the launcher's topics ({@link PipelineTopics}), without the Flink job,
 * ClickHouse and the SSE API; with {@code --kafka host:port} it publishes to that broker instead
 * (the drills, which kill this JVM). Prints {@code READY <port> <bootstrap>}, runs until stdin
 * closes.
 *
 * <p>Arguments: {@code --key ingestKey} and {@code --home dir} or {@code --kafka bootstrap};
 * optional {@code --port n} (default: a free one).
 */
public final class GatewayOnlyMain {

    private GatewayOnlyMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        int status = 0;
        try {
            if (o.containsKey("kafka")) {
                serve(o.get("kafka"), o);
            } else {
                Path home = Path.of(o.get("home"));
                try (EmbeddedKafkaBroker broker =
                        EmbeddedKafkaBroker.start(home.resolve("kafka"), 0)) {
                    PipelineTopics.createAll(broker);
                    serve(broker.bootstrapServers(), o);
                }
            }
        } catch (Exception e) {
            System.err.println("gateway-only target failed: " + e);
            status = 1;
        }
        System.exit(status);
    }

    private static void serve(String bootstrap, Map<String, String> o) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GATEWAY_HOST", "127.0.0.1");
        env.put("GATEWAY_PORT", o.getOrDefault("port", "0"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("INGEST_API_KEYS", "local:" + o.get("key"));
        Vertx vertx = Vertx.vertx();
        try {
            GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.fromEnv(env));
            vertx.deployVerticle(gateway).await(60, TimeUnit.SECONDS);
            System.out.println("READY " + gateway.actualPort() + " " + bootstrap);
            System.out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // runs until the parent closes stdin
            }
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
