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
 * The end-to-end bench's baseline: the ingest gateway and the in-process Kafka broker alone, in a
 * JVM of their own, set up as the launcher sets them up (same topics, partitions and limits, same
 * gateway defaults, one Vert.x) but without the Flink job, ClickHouse and the SSE API. Prints
 * {@code READY <port>}, runs until stdin closes.
 *
 * <p>Arguments: {@code --home dir --key ingestKey}.
 */
public final class GatewayOnlyMain {

    private static final String SEVEN_DAYS_MS = Long.toString(7L * 24 * 3600 * 1000);
    private static final String MAX_MESSAGE_BYTES = Integer.toString(2 * 1024 * 1024);

    private GatewayOnlyMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        Path home = Path.of(o.get("home"));
        int status = 0;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(home.resolve("kafka"), 0)) {
            Map<String, String> topic =
                    Map.of("retention.ms", SEVEN_DAYS_MS, "max.message.bytes", MAX_MESSAGE_BYTES);
            broker.createTopic("streaming-events", 3, topic);
            broker.createTopic("streaming-events-dlq", 3, topic);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("GATEWAY_HOST", "127.0.0.1");
            env.put("GATEWAY_PORT", "0");
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("INGEST_API_KEYS", "local:" + o.get("key"));
            Vertx vertx = Vertx.vertx();
            try {
                GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.fromEnv(env));
                vertx.deployVerticle(gateway).await(60, TimeUnit.SECONDS);
                System.out.println(
                        "READY " + gateway.actualPort() + " " + broker.bootstrapServers());
                System.out.flush();
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (in.readLine() != null) {
                    // runs until the parent closes stdin
                }
            } finally {
                vertx.close().await(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.err.println("gateway-only target failed: " + e);
            status = 1;
        }
        System.exit(status);
    }
}
