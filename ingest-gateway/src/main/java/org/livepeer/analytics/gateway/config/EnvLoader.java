package org.livepeer.analytics.gateway.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns an environment map into a validated {@link GatewayConfig}. */
final class EnvLoader {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    /** Settings the delivery guarantee rests on, or that have their own key. */
    private static final Set<String> PROTECTED_PRODUCER_PROPERTIES =
            Set.of(
                    "acks",
                    "enable.idempotence",
                    "key.serializer",
                    "value.serializer",
                    "bootstrap.servers");

    private final Map<String, String> env;

    EnvLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    GatewayConfig load() {
        AuthMode auth = AuthMode.parse(value(ConfigKey.INGEST_AUTH));
        List<ApiKey> keys = new ApiKeyList().load(value(ConfigKey.INGEST_API_KEYS), keysFile());
        if (auth == AuthMode.BEARER && keys.isEmpty()) {
            throw new ConfigException(
                    "INGEST_API_KEYS or INGEST_API_KEYS_FILE must list at least one name:key pair"
                            + " (or set INGEST_AUTH=none to accept unauthenticated events)");
        }
        long delivery = range(ConfigKey.KAFKA_DELIVERY_TIMEOUT_MS, 100, 600_000);
        return new GatewayConfig(
                nonBlank(ConfigKey.GATEWAY_HOST),
                (int) range(ConfigKey.GATEWAY_PORT, 0, 65_535),
                nonBlank(ConfigKey.KAFKA_BOOTSTRAP_SERVERS),
                topic(ConfigKey.EVENTS_TOPIC),
                auth,
                keys,
                range(ConfigKey.INGEST_MAX_BODY_BYTES, 1, 256L * 1024 * 1024),
                (int) range(ConfigKey.INGEST_MAX_EVENTS, 1, 1_000_000),
                delivery,
                range(ConfigKey.READY_CHECK_INTERVAL_MS, 100, 600_000),
                (int) range(ConfigKey.RETRY_AFTER_SECONDS, 1, 3600),
                producerOverrides(),
                topic(ConfigKey.DLQ_TOPIC),
                rateLimit(),
                (int) range(ConfigKey.INGEST_MAX_INFLIGHT, 1, 10_000_000),
                range(ConfigKey.SHUTDOWN_TIMEOUT_MS, 0, 600_000),
                bool(ConfigKey.GATEWAY_ACCESS_LOG),
                (int) range(ConfigKey.GATEWAY_EVENT_LOOPS, 1, 64),
                connectionLimits(delivery));
    }

    private ConnectionLimits connectionLimits(long deliveryTimeoutMs) {
        long idle = range(ConfigKey.GATEWAY_IDLE_TIMEOUT_MS, 100, 3_600_000);
        if (idle <= deliveryTimeoutMs) {
            throw new ConfigException(
                    ConfigKey.GATEWAY_IDLE_TIMEOUT_MS.envName()
                            + " must be greater than "
                            + ConfigKey.KAFKA_DELIVERY_TIMEOUT_MS.envName()
                            + " ("
                            + deliveryTimeoutMs
                            + "), or a request waiting for Kafka loses its connection; got '"
                            + idle
                            + "'");
        }
        return new ConnectionLimits(
                idle,
                range(ConfigKey.GATEWAY_REQUEST_READ_TIMEOUT_MS, 100, 600_000),
                (int) range(ConfigKey.GATEWAY_MAX_CONNECTIONS, 1, 1_000_000));
    }

    private String topic(ConfigKey key) {
        String topic = value(key).trim();
        if (!TOPIC.matcher(topic).matches()) {
            throw new ConfigException(
                    key.envName()
                            + " must be 1-249 characters of [A-Za-z0-9._-], got '"
                            + topic
                            + "'");
        }
        return topic;
    }

    private Path keysFile() {
        String raw = value(ConfigKey.INGEST_API_KEYS_FILE).trim();
        return raw.isEmpty() ? null : Path.of(raw);
    }

    private RateLimit rateLimit() {
        long rate = range(ConfigKey.INGEST_RATE_LIMIT, 0, 100_000_000);
        long burst = range(ConfigKey.INGEST_RATE_BURST, 0, 1_000_000_000);
        return new RateLimit(rate, burst == 0 ? rate : burst);
    }

    private boolean bool(ConfigKey key) {
        String raw = value(key).trim().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new ConfigException(
                            key.envName() + " must be 'true' or 'false', got '" + raw + "'");
        };
    }

    private String value(ConfigKey key) {
        String v = env.get(key.envName());
        return v == null ? key.defaultValue() : v;
    }

    private String nonBlank(ConfigKey key) {
        String v = value(key).trim();
        if (v.isEmpty()) {
            throw new ConfigException(key.envName() + " must not be empty");
        }
        return v;
    }

    private long range(ConfigKey key, long min, long max) {
        String raw = value(key).trim();
        long v;
        try {
            v = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            v = Long.MIN_VALUE;
        }
        if (v < min || v > max) {
            throw new ConfigException(
                    key.envName()
                            + " must be an integer from "
                            + min
                            + " to "
                            + max
                            + ", got '"
                            + raw
                            + "'");
        }
        return v;
    }

    private Map<String, String> producerOverrides() {
        String prefix = ConfigKey.KAFKA_PRODUCER_PREFIX.envName();
        Map<String, String> overrides = new HashMap<>();
        env.forEach(
                (name, v) -> {
                    if (name.startsWith(prefix) && name.length() > prefix.length()) {
                        String property =
                                name.substring(prefix.length())
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', '.');
                        if (PROTECTED_PRODUCER_PROPERTIES.contains(property)) {
                            throw new ConfigException(
                                    name
                                            + " cannot be overridden: the gateway relies on its"
                                            + " value (use KAFKA_BOOTSTRAP_SERVERS for servers)");
                        }
                        overrides.put(property, v);
                    }
                });
        return overrides;
    }
}
