package org.livepeer.analytics.launcher;

import java.util.Map;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.config.GatewayKey;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.processor.config.ProcessorKey;
import org.livepeer.analytics.sse.config.SseConfig;
import org.livepeer.analytics.sse.config.SseConfigKey;

/**
 * The three services' configurations as the embedded default builds them: each from the launcher's
 * environment with the broker, topics, loopback host, ports and generated credentials the launcher
 * owns set on top ({@link LauncherConfig#serviceEnv}), so a variable such as {@code EVENTS_TOPIC}
 * reaches every service under the one name.
 */
record ServiceConfigs(
        LauncherConfig config,
        Map<String, String> env,
        String bootstrapServers,
        Credentials credentials) {

    ServiceConfigs {
        env = Map.copyOf(env);
    }

    GatewayConfig gateway() {
        Map<String, String> gateway = config.serviceEnv(env, bootstrapServers);
        gateway.put(GatewayKey.GATEWAY_HOST.envName(), config.host());
        gateway.put(GatewayKey.GATEWAY_PORT.envName(), Integer.toString(config.gatewayPort()));
        String ownKey = Credentials.INGEST_KEY_NAME + ":" + credentials.ingestApiKey();
        String extra = env.getOrDefault(GatewayKey.INGEST_API_KEYS.envName(), "");
        gateway.put(
                GatewayKey.INGEST_API_KEYS.envName(),
                extra.isBlank() ? ownKey : ownKey + "," + extra);
        return GatewayConfig.fromEnv(gateway);
    }

    SseConfig sse() {
        Map<String, String> sse = config.serviceEnv(env, bootstrapServers);
        sse.put(SseConfigKey.SSE_HOST.envName(), config.host());
        sse.put(SseConfigKey.SSE_PORT.envName(), Integer.toString(config.ssePort()));
        sse.put(SseConfigKey.SSE_TOKEN.envName(), credentials.sseToken());
        return SseConfig.fromEnv(sse);
    }

    /**
     * The processor's configuration, with the snapshot directories set to where the launcher looks
     * for the snapshot to resume from (resuming needs them there).
     *
     * @param checkpointDir URI of the checkpoint storage under ANALYTICS_HOME
     * @param savepointDir URI of the savepoint target under ANALYTICS_HOME
     */
    ProcessorConfig processor(String clickHouseUrl, String checkpointDir, String savepointDir) {
        Map<String, String> processor = config.serviceEnv(env, bootstrapServers);
        processor.put(ProcessorKey.CLICKHOUSE_URL.envName(), clickHouseUrl);
        processor.put(
                ProcessorKey.CLICKHOUSE_WRITER_USER.envName(),
                ClickHouseServerSettings.WRITER_USER);
        processor.put(
                ProcessorKey.CLICKHOUSE_WRITER_PASSWORD.envName(),
                credentials.clickHouseWriterPassword());
        processor.put(ProcessorKey.PROCESSOR_CHECKPOINT_DIR.envName(), checkpointDir);
        processor.put(ProcessorKey.PROCESSOR_SAVEPOINT_DIR.envName(), savepointDir);
        return ProcessorConfig.fromEnv(processor);
    }
}
