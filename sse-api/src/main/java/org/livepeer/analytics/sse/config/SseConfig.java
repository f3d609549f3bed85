package org.livepeer.analytics.sse.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.livepeer.analytics.config.ConfigException;
import org.livepeer.analytics.config.ConfigReader;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.config.KafkaPassThrough;
import org.livepeer.analytics.config.SecretMask;
import org.livepeer.analytics.http.ConnectionGuard;

/**
 * The SSE API's configuration, validated once at start. The read token is kept only as its SHA-256
 * hash; {@link #toString()} is safe to log: it masks every value whose name says it is secret
 * ({@link SecretMask}).
 *
 * @param tokenSha256Hex hex SHA-256 of the read token, empty when auth is off
 * @param kafkaConsumer consumer properties from {@code KAFKA_CONSUMER_*}, never the ones the tails
 *     rely on
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
        Map<String, String> kafkaConsumer,
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
        kafkaConsumer = Map.copyOf(kafkaConsumer);
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
     * @param requestReadTimeoutMs time allowed to send a whole request
     * @param clientBufferBytes bytes one client may have pending before it is dropped
     */
    public record ClientLimits(
            int maxConnections,
            long idleTimeoutMs,
            long requestReadTimeoutMs,
            long clientBufferBytes) {

        /** What the shared connection guard enforces (http-edge). */
        public ConnectionGuard.Limits connections() {
            return new ConnectionGuard.Limits(maxConnections, requestReadTimeoutMs, idleTimeoutMs);
        }
    }

    /** Names read before the Kafka settings were shared; set, they fail the start. */
    private static final Map<String, KafkaKey> RENAMED =
            Map.of(
                    "SSE_KAFKA_BOOTSTRAP_SERVERS", KafkaKey.KAFKA_BOOTSTRAP_SERVERS,
                    "SSE_METRICS_TOPIC", KafkaKey.LIVE_METRICS_TOPIC,
                    "SSE_EVENTS_TOPIC", KafkaKey.EVENTS_TOPIC);

    /**
     * Consumer settings the topic tails rely on (TopicTail sets them): no group or commits, no
     * topic auto-creation, an error instead of a silent jump when records are gone, and the
     * partition refresh of {@code SSE_PARTITION_REFRESH_MS}.
     */
    private static final Set<String> FIXED_CONSUMER_PROPERTIES =
            Set.of(
                    "group.id",
                    "enable.auto.commit",
                    "allow.auto.create.topics",
                    "auto.offset.reset",
                    "metadata.max.age.ms",
                    "key.deserializer",
                    "value.deserializer");

    /** The read token's modes. */
    private enum AuthMode {
        TOKEN,
        NONE
    }

    /**
     * Reads the keys of {@link SseConfigKey} and the shared {@code KafkaKey} from {@code env},
     * applying defaults.
     *
     * @throws ConfigException naming the bad key and what it accepts
     */
    public static SseConfig fromEnv(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        RENAMED.forEach(r::rejectRenamed);
        String host = r.nonEmpty(SseConfigKey.SSE_HOST);
        boolean auth = r.oneOf(SseConfigKey.SSE_AUTH, AuthMode.class) == AuthMode.TOKEN;
        String token = r.string(SseConfigKey.SSE_TOKEN);
        if (auth && token.isEmpty()) {
            throw new ConfigException(
                    "SSE_TOKEN is required (or set SSE_AUTH=none to serve without a token)");
        }
        int maxClients = r.integer(SseConfigKey.SSE_MAX_CLIENTS, 1, 1_000_000);
        long heartbeatMs = r.longValue(SseConfigKey.SSE_HEARTBEAT_MS, 100, 3_600_000);
        return new SseConfig(
                host,
                r.integer(SseConfigKey.SSE_PORT, 0, 65_535),
                auth,
                auth ? sha256Hex(token) : "",
                KafkaKey.KAFKA_BOOTSTRAP_SERVERS.read(r),
                KafkaPassThrough.consumer(r, FIXED_CONSUMER_PROPERTIES),
                KafkaKey.LIVE_METRICS_TOPIC.read(r),
                KafkaKey.EVENTS_TOPIC.read(r),
                maxClients,
                r.integer(SseConfigKey.SSE_CLIENT_BUFFER_MESSAGES, 1, 1_000_000),
                heartbeatMs,
                r.integer(SseConfigKey.SSE_REPLAY_MAX_MESSAGES, 0, 10_000_000),
                r.list(SseConfigKey.SSE_CORS_ORIGINS),
                eventLoops(r.integer(SseConfigKey.SSE_EVENT_LOOPS, 0, 256)),
                r.longValue(SseConfigKey.SSE_PARTITION_REFRESH_MS, 100, 3_600_000),
                limits(r, maxClients, heartbeatMs));
    }

    private static ClientLimits limits(ConfigReader r, int maxClients, long heartbeatMs) {
        int maxConnections = r.integer(SseConfigKey.SSE_MAX_CONNECTIONS, 1, 10_000_000);
        if (maxConnections < maxClients) {
            throw new ConfigException(
                    "SSE_MAX_CONNECTIONS ("
                            + maxConnections
                            + ") must be at least SSE_MAX_CLIENTS ("
                            + maxClients
                            + ")");
        }
        long idleMs = r.longValue(SseConfigKey.SSE_IDLE_TIMEOUT_MS, 1, 86_400_000);
        // An open stream is silent only between heartbeats; twice the interval leaves one spare.
        if (idleMs < 2 * heartbeatMs) {
            throw new ConfigException(
                    "SSE_IDLE_TIMEOUT_MS ("
                            + idleMs
                            + ") must be at least twice SSE_HEARTBEAT_MS ("
                            + heartbeatMs
                            + "), or it would cut open streams between heartbeats");
        }
        return new ClientLimits(
                maxConnections,
                idleMs,
                r.longValue(SseConfigKey.SSE_REQUEST_READ_TIMEOUT_MS, 100, 3_600_000),
                r.longValue(SseConfigKey.SSE_CLIENT_BUFFER_BYTES, 65_536, 1L << 30));
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
                kafkaConsumer,
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

    @Override
    public String toString() {
        return SecretMask.render(this);
    }
}
