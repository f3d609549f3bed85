package org.livepeer.analytics.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the embedded default (docs/configuration.md), from environment variables with
 * defaults. The components' own variables (e.g. SINK_BATCH_MAX_ROWS) pass through to their config
 * loaders.
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
        String clickHouseBinary) {

    public static final String ANALYTICS_HOME = "ANALYTICS_HOME";

    public static LauncherConfig fromEnv(Map<String, String> env) {
        return new LauncherConfig(
                Path.of(env.getOrDefault(ANALYTICS_HOME, "data")).toAbsolutePath().normalize(),
                "127.0.0.1",
                port(env, "GATEWAY_PORT", 8080),
                port(env, "SSE_PORT", 8090),
                port(env, "CLICKHOUSE_HTTP_PORT", 8123),
                port(env, "CLICKHOUSE_TCP_PORT", 9000),
                port(env, "KAFKA_PORT", 9092),
                port(env, "FLINK_METRICS_PORT", 9249),
                env.getOrDefault("CLICKHOUSE_BINARY", ""));
    }

    private static int port(Map<String, String> env, String key, int defaultPort) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(
                key + " must be a port number from 0 to 65535, got '" + value + "'");
    }
}
