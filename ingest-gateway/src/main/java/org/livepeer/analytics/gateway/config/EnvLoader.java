package org.livepeer.analytics.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.livepeer.analytics.config.ConfigException;
import org.livepeer.analytics.config.ConfigReader;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.config.KafkaPassThrough;
import org.livepeer.analytics.http.ConnectionGuard;

/**
 * Turns an environment map into a validated {@link GatewayConfig}: the shared reader parses each
 * value, this adds the rules that tie keys together.
 */
final class EnvLoader {

    /** Producer settings the delivery guarantee rests on (docs/ingest-api.md). */
    private static final Set<String> FIXED_PRODUCER_PROPERTIES =
            Set.of("acks", "enable.idempotence", "key.serializer", "value.serializer");

    private final ConfigReader env;

    EnvLoader(Map<String, String> env) {
        this.env = new ConfigReader(env);
    }

    GatewayConfig load() {
        AuthMode auth = env.oneOf(GatewayKey.INGEST_AUTH, AuthMode.class);
        List<ApiKey> keys = new ApiKeyList().load(env.raw(GatewayKey.INGEST_API_KEYS), keysFile());
        if (auth == AuthMode.BEARER && keys.isEmpty()) {
            throw new ConfigException(
                    "INGEST_API_KEYS or INGEST_API_KEYS_FILE must list at least one name:key pair"
                            + " (or set INGEST_AUTH=none to accept unauthenticated events)");
        }
        long delivery = env.longValue(GatewayKey.KAFKA_DELIVERY_TIMEOUT_MS, 100, 600_000);
        return new GatewayConfig(
                env.nonEmpty(GatewayKey.GATEWAY_HOST),
                env.integer(GatewayKey.GATEWAY_PORT, 0, 65_535),
                KafkaKey.KAFKA_BOOTSTRAP_SERVERS.read(env),
                KafkaKey.EVENTS_TOPIC.read(env),
                auth,
                keys,
                env.longValue(GatewayKey.INGEST_MAX_BODY_BYTES, 1, 256L * 1024 * 1024),
                env.integer(GatewayKey.INGEST_MAX_EVENTS, 1, 1_000_000),
                delivery,
                env.longValue(GatewayKey.READY_CHECK_INTERVAL_MS, 100, 600_000),
                env.integer(GatewayKey.RETRY_AFTER_SECONDS, 1, 3600),
                KafkaPassThrough.producer(env, FIXED_PRODUCER_PROPERTIES),
                KafkaKey.DLQ_TOPIC.read(env),
                rateLimit(),
                env.integer(GatewayKey.INGEST_MAX_INFLIGHT, 1, 10_000_000),
                env.longValue(GatewayKey.SHUTDOWN_TIMEOUT_MS, 0, 600_000),
                env.bool(GatewayKey.GATEWAY_ACCESS_LOG),
                env.integer(GatewayKey.GATEWAY_EVENT_LOOPS, 1, 64),
                connectionLimits(delivery));
    }

    private ConnectionGuard.Limits connectionLimits(long deliveryTimeoutMs) {
        long idle = env.longValue(GatewayKey.GATEWAY_IDLE_TIMEOUT_MS, 100, 3_600_000);
        if (idle <= deliveryTimeoutMs) {
            throw env.invalid(
                    GatewayKey.GATEWAY_IDLE_TIMEOUT_MS,
                    "greater than "
                            + GatewayKey.KAFKA_DELIVERY_TIMEOUT_MS.envName()
                            + " ("
                            + deliveryTimeoutMs
                            + "), or a request waiting for Kafka loses its connection");
        }
        return new ConnectionGuard.Limits(
                env.integer(GatewayKey.GATEWAY_MAX_CONNECTIONS, 1, 1_000_000),
                env.longValue(GatewayKey.GATEWAY_REQUEST_READ_TIMEOUT_MS, 100, 600_000),
                idle);
    }

    private Path keysFile() {
        String raw = env.string(GatewayKey.INGEST_API_KEYS_FILE);
        return raw.isEmpty() ? null : Path.of(raw);
    }

    private RateLimit rateLimit() {
        long rate = env.longValue(GatewayKey.INGEST_RATE_LIMIT, 0, 100_000_000);
        long burst = env.longValue(GatewayKey.INGEST_RATE_BURST, 0, 1_000_000_000);
        return new RateLimit(rate, burst == 0 ? rate : burst);
    }
}
