package org.livepeer.analytics.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.livepeer.analytics.config.ConfigKeyDef;
import org.livepeer.analytics.config.ConfigReader;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.gateway.config.GatewayKey;
import org.livepeer.analytics.sse.config.SseConfigKey;

/**
 * Settings of the embedded default (docs/configuration.md), from environment variables with
 * defaults: the {@link LauncherKey} catalog, the two services' ports and the shared Kafka topics.
 * The components' own variables (e.g. SINK_BATCH_MAX_ROWS) pass through to their config loaders.
 */
public record LauncherConfig(
        Path home,
        String host,
        int gatewayPort,
        int ssePort,
        int clickHouseHttpPort,
        int clickHouseTcpPort,
        int kafkaPort,
        int flinkMetricsPort,
        String clickHouseBinary,
        Topics topics) {

    public static LauncherConfig fromEnv(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        return new LauncherConfig(
                Path.of(r.nonEmpty(LauncherKey.ANALYTICS_HOME)).toAbsolutePath().normalize(),
                "127.0.0.1",
                port(r, GatewayKey.GATEWAY_PORT),
                port(r, SseConfigKey.SSE_PORT),
                port(r, LauncherKey.CLICKHOUSE_HTTP_PORT),
                port(r, LauncherKey.CLICKHOUSE_TCP_PORT),
                port(r, LauncherKey.KAFKA_PORT),
                port(r, LauncherKey.FLINK_METRICS_PORT),
                r.string(LauncherKey.CLICKHOUSE_BINARY),
                Topics.fromEnv(r));
    }

    /**
     * The environment every component is configured from: the launcher's own, with the broker the
     * launcher started and the topics it created, under the shared names all three services read.
     */
    public Map<String, String> serviceEnv(Map<String, String> env, String bootstrapServers) {
        Map<String, String> services = new HashMap<>(env);
        services.put(KafkaKey.KAFKA_BOOTSTRAP_SERVERS.envName(), bootstrapServers);
        services.put(KafkaKey.EVENTS_TOPIC.envName(), topics.events());
        services.put(KafkaKey.DLQ_TOPIC.envName(), topics.dlq());
        services.put(KafkaKey.LIVE_METRICS_TOPIC.envName(), topics.liveMetrics());
        return services;
    }

    private static int port(ConfigReader r, ConfigKeyDef key) {
        return r.integer(key, 0, 65_535);
    }
}
