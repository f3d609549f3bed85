package org.livepeer.analytics.sse.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SSE API's configuration, validated once at start. The read token is kept only as its SHA-256
 * hash; {@link #toString()} is safe to log: it masks every value whose name says it is secret
 * ({@link SecretMask}).
 *
 * @param tokenSha256Hex hex SHA-256 of the read token, empty when auth is off
 * @param corsOrigins allowed origins; empty means no CORS headers
 * @param eventLoops event loops the connections are spread over (at least 1)
 * @param partitionRefreshMs how often the topic tails look for added partitions
 * @param limits what one client or connection may hold or take
 */
public record SseConfig(
        String host,
        int port,
        boolean authEnabled,
        String tokenSha256Hex,
        String kafkaBootstrapServers,
        String metricsTopic,
        String eventsTopic,
        int maxClients,
        int clientBufferMessages,
        long heartbeatMs,
        int replayMaxMessages,
        List<String> corsOrigins,
        int eventLoops,
        long partitionRefreshMs,
        ClientLimits limits) {

    public SseConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenSha256Hex, "tokenSha256Hex");
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(metricsTopic, "metricsTopic");
        Objects.requireNonNull(eventsTopic, "eventsTopic");
        corsOrigins = List.copyOf(corsOrigins);
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1, got " + eventLoops);
        }
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * The client edge: connection cap, timeouts of connections that do not stream, and the bytes
     * held for one streaming client.
     *
     * @param maxConnections TCP connections allowed at once
     * @param idleTimeoutMs a connection without traffic either way for this long is closed
     * @param requestReadTimeoutMs time allowed for a request's headers
     * @param clientBufferBytes bytes one client may have pending before it is dropped
     */
    public record ClientLimits(
            int maxConnections,
            long idleTimeoutMs,
            long requestReadTimeoutMs,
            long clientBufferBytes) {}

    /**
     * Reads the keys of {@link SseConfigKey} from {@code env}, applying defaults.
     *
     * @throws SseConfigException naming the bad key and what it accepts
     */
    public static SseConfig fromEnv(Map<String, String> env) {
        String host = nonEmpty(env, SseConfigKey.SSE_HOST);
        boolean auth = authEnabled(value(env, SseConfigKey.SSE_AUTH));
        String token = value(env, SseConfigKey.SSE_TOKEN).trim();
        if (auth && token.isEmpty()) {
            throw new SseConfigException(
                    "SSE_TOKEN is required (or set SSE_AUTH=none to serve without a token)");
        }
        int maxClients = (int) number(env, SseConfigKey.SSE_MAX_CLIENTS, 1, 1_000_000);
        long heartbeatMs = number(env, SseConfigKey.SSE_HEARTBEAT_MS, 100, 3_600_000);
        return new SseConfig(
                host,
                (int) number(env, SseConfigKey.SSE_PORT, 0, 65_535),
                auth,
                auth ? sha256Hex(token) : "",
                nonEmpty(env, SseConfigKey.SSE_KAFKA_BOOTSTRAP_SERVERS),
                nonEmpty(env, SseConfigKey.SSE_METRICS_TOPIC),
                nonEmpty(env, SseConfigKey.SSE_EVENTS_TOPIC),
                maxClients,
                (int) number(env, SseConfigKey.SSE_CLIENT_BUFFER_MESSAGES, 1, 1_000_000),
                heartbeatMs,
                (int) number(env, SseConfigKey.SSE_REPLAY_MAX_MESSAGES, 0, 10_000_000),
                origins(value(env, SseConfigKey.SSE_CORS_ORIGINS)),
                eventLoops((int) number(env, SseConfigKey.SSE_EVENT_LOOPS, 0, 256)),
                number(env, SseConfigKey.SSE_PARTITION_REFRESH_MS, 100, 3_600_000),
                limits(env, maxClients, heartbeatMs));
    }

    private static ClientLimits limits(Map<String, String> env, int maxClients, long heartbeatMs) {
        int maxConnections = (int) number(env, SseConfigKey.SSE_MAX_CONNECTIONS, 1, 10_000_000);
        if (maxConnections < maxClients) {
            throw new SseConfigException(
                    "SSE_MAX_CONNECTIONS ("
                            + maxConnections
                            + ") must be at least SSE_MAX_CLIENTS ("
                            + maxClients
                            + ")");
        }
        long idleMs = number(env, SseConfigKey.SSE_IDLE_TIMEOUT_MS, 1, 86_400_000);
        // An open stream is silent only between heartbeats; twice the interval leaves one spare.
        if (idleMs < 2 * heartbeatMs) {
            throw new SseConfigException(
                    "SSE_IDLE_TIMEOUT_MS ("
                            + idleMs
                            + ") must be at least twice SSE_HEARTBEAT_MS ("
                            + heartbeatMs
                            + "), or it would cut open streams between heartbeats");
        }
        return new ClientLimits(
                maxConnections,
                idleMs,
                number(env, SseConfigKey.SSE_REQUEST_READ_TIMEOUT_MS, 100, 3_600_000),
                number(env, SseConfigKey.SSE_CLIENT_BUFFER_BYTES, 65_536, 1L << 30));
    }

    private static int eventLoops(int configured) {
        return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
    }

    /** A copy listening on {@code newPort}. */
    public SseConfig withPort(int newPort) {
        return new SseConfig(
                host,
                newPort,
                authEnabled,
                tokenSha256Hex,
                kafkaBootstrapServers,
                metricsTopic,
                eventsTopic,
                maxClients,
                clientBufferMessages,
                heartbeatMs,
                replayMaxMessages,
                corsOrigins,
                eventLoops,
                partitionRefreshMs,
                limits);
    }

    /** Hex SHA-256 of {@code token}, the form {@link #tokenSha256Hex()} is kept in. */
    public static String sha256Hex(String token) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String value(Map<String, String> env, SseConfigKey key) {
        String v = env.get(key.name());
        return v == null ? key.defaultValue() : v;
    }

    private static String nonEmpty(Map<String, String> env, SseConfigKey key) {
        String v = value(env, key).trim();
        if (v.isEmpty()) {
            throw new SseConfigException(key.name() + " must not be empty");
        }
        return v;
    }

    private static boolean authEnabled(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "token" -> true;
            case "none" -> false;
            default ->
                    throw new SseConfigException(
                            "SSE_AUTH must be 'token' or 'none', got '" + raw + "'");
        };
    }

    private static long number(Map<String, String> env, SseConfigKey key, long min, long max) {
        String raw = value(env, key);
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new SseConfigException(
                key.name()
                        + " must be an integer from "
                        + min
                        + " to "
                        + max
                        + ", got '"
                        + raw
                        + "'");
    }

    private static List<String> origins(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return SecretMask.render(this);
    }
}
