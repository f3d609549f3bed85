package org.livepeer.analytics.gateway.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns an environment map into a validated {@link GatewayConfig}. */
final class EnvLoader {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

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
        List<ApiKey> keys = apiKeys(value(ConfigKey.INGEST_API_KEYS));
        if (auth == AuthMode.BEARER && keys.isEmpty()) {
            throw new ConfigException(
                    "INGEST_API_KEYS must list at least one name:key pair"
                            + " (or set INGEST_AUTH=none to accept unauthenticated events)");
        }
        String topic = value(ConfigKey.EVENTS_TOPIC).trim();
        if (!TOPIC.matcher(topic).matches()) {
            throw new ConfigException(
                    "EVENTS_TOPIC must be 1-249 characters of [A-Za-z0-9._-], got '" + topic + "'");
        }
        return new GatewayConfig(
                nonBlank(ConfigKey.GATEWAY_HOST),
                (int) range(ConfigKey.GATEWAY_PORT, 0, 65_535),
                nonBlank(ConfigKey.KAFKA_BOOTSTRAP_SERVERS),
                topic,
                auth,
                keys,
                range(ConfigKey.INGEST_MAX_BODY_BYTES, 1, 256L * 1024 * 1024),
                (int) range(ConfigKey.INGEST_MAX_EVENTS, 1, 1_000_000),
                range(ConfigKey.KAFKA_DELIVERY_TIMEOUT_MS, 100, 600_000),
                range(ConfigKey.READY_CHECK_INTERVAL_MS, 100, 600_000),
                (int) range(ConfigKey.RETRY_AFTER_SECONDS, 1, 3600),
                producerOverrides());
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

    /** Parses {@code name:key,name2:key2}; error messages never echo a key. */
    private static List<ApiKey> apiKeys(String raw) {
        List<ApiKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        int position = 0;
        for (String entry : raw.split(",", -1)) {
            position++;
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            ApiKey key = apiKey(trimmed, position);
            if (!names.add(key.name())) {
                throw new ConfigException(
                        "INGEST_API_KEYS names must be unique; '" + key.name() + "' repeats");
            }
            if (!hashes.add(HexFormat.of().formatHex(key.sha256()))) {
                throw new ConfigException(
                        "INGEST_API_KEYS: the key of '"
                                + key.name()
                                + "' is also used by another name; each key must identify one"
                                + " source");
            }
            keys.add(key);
        }
        return keys;
    }

    private static ApiKey apiKey(String entry, int position) {
        int colon = entry.indexOf(':');
        String name = colon < 0 ? "" : entry.substring(0, colon).trim();
        String key = colon < 0 ? "" : entry.substring(colon + 1).trim();
        if (!KEY_NAME.matcher(name).matches() || key.isEmpty()) {
            throw new ConfigException(
                    "INGEST_API_KEYS entry "
                            + position
                            + " must be name:key with a name of 1-64 characters of [A-Za-z0-9._-]"
                            + " and a non-empty key");
        }
        return ApiKey.of(name, key);
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
