package org.livepeer.analytics.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.livepeer.analytics.config.ConfigException;
import org.livepeer.analytics.config.SecretMask;
import org.livepeer.analytics.http.ConnectionGuard;

/**
 * The gateway's whole configuration, immutable and validated once at start. Build it with {@link
 * #fromEnv}; {@link #toString()} is safe to log (keys, and producer settings whose names mark a
 * secret, are masked by {@link SecretMask}).
 *
 * @param producerOverrides extra Kafka producer properties (pass-through namespace {@code
 *     KAFKA_PRODUCER_*}); never the ones the delivery guarantee depends on
 */
public record GatewayConfig(
        String host,
        int port,
        String bootstrapServers,
        String eventsTopic,
        AuthMode authMode,
        List<ApiKey> apiKeys,
        long maxBodyBytes,
        int maxEvents,
        long deliveryTimeoutMs,
        long readyCheckIntervalMs,
        int retryAfterSeconds,
        Map<String, String> producerOverrides,
        String dlqTopic,
        RateLimit rateLimit,
        int maxInflightEvents,
        long shutdownTimeoutMs,
        boolean accessLog,
        int eventLoops,
        ConnectionGuard.Limits connectionLimits) {

    public GatewayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(eventsTopic, "eventsTopic");
        Objects.requireNonNull(authMode, "authMode");
        apiKeys = List.copyOf(apiKeys);
        producerOverrides = Map.copyOf(producerOverrides);
        Objects.requireNonNull(dlqTopic, "dlqTopic");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(connectionLimits, "connectionLimits");
    }

    /**
     * Reads the keys of {@link GatewayKey} and the shared {@code KafkaKey} from {@code env},
     * applying defaults.
     *
     * @throws ConfigException naming the first bad key and what it accepts
     */
    public static GatewayConfig fromEnv(Map<String, String> env) {
        return new EnvLoader(env).load();
    }

    /** The defaults, with auth off: for tests and tools that set only what they need. */
    public static GatewayConfig defaultsWithoutAuth() {
        return fromEnv(Map.of(GatewayKey.INGEST_AUTH.envName(), "none"));
    }

    /** A copy listening on {@code newPort}. */
    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(
                host,
                newPort,
                bootstrapServers,
                eventsTopic,
                authMode,
                apiKeys,
                maxBodyBytes,
                maxEvents,
                deliveryTimeoutMs,
                readyCheckIntervalMs,
                retryAfterSeconds,
                producerOverrides,
                dlqTopic,
                rateLimit,
                maxInflightEvents,
                shutdownTimeoutMs,
                accessLog,
                eventLoops,
                connectionLimits);
    }

    @Override
    public String toString() {
        return "GatewayConfig[host="
                + host
                + ", port="
                + port
                + ", bootstrapServers="
                + bootstrapServers
                + ", eventsTopic="
                + eventsTopic
                + ", authMode="
                + authMode
                + ", apiKeys="
                + apiKeys
                + ", maxBodyBytes="
                + maxBodyBytes
                + ", maxEvents="
                + maxEvents
                + ", deliveryTimeoutMs="
                + deliveryTimeoutMs
                + ", readyCheckIntervalMs="
                + readyCheckIntervalMs
                + ", retryAfterSeconds="
                + retryAfterSeconds
                + ", producerOverrides="
                + SecretMask.mask(producerOverrides)
                + ", dlqTopic="
                + dlqTopic
                + ", rateLimit="
                + rateLimit
                + ", maxInflightEvents="
                + maxInflightEvents
                + ", shutdownTimeoutMs="
                + shutdownTimeoutMs
                + ", accessLog="
                + accessLog
                + ", eventLoops="
                + eventLoops
                + ", connectionLimits="
                + connectionLimits
                + "]";
    }
}
