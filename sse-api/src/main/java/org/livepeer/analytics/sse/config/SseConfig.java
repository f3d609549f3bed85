package org.livepeer.analytics.sse.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SSE API's configuration, validated once at start. The read token is kept only as its SHA-256
 * hash; {@link #toString()} is safe to log.
 *
 * @param tokenSha256Hex hex SHA-256 of the read token, empty when auth is off
 */
public record SseConfig(String host, int port, boolean authEnabled, String tokenSha256Hex) {

    public SseConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenSha256Hex, "tokenSha256Hex");
    }

    /**
     * Reads the keys of {@link SseConfigKey} from {@code env}, applying defaults.
     *
     * @throws SseConfigException naming the bad key and what it accepts
     */
    public static SseConfig fromEnv(Map<String, String> env) {
        String host = value(env, SseConfigKey.SSE_HOST).trim();
        if (host.isEmpty()) {
            throw new SseConfigException("SSE_HOST must not be empty");
        }
        boolean auth = authEnabled(value(env, SseConfigKey.SSE_AUTH));
        String token = value(env, SseConfigKey.SSE_TOKEN).trim();
        if (auth && token.isEmpty()) {
            throw new SseConfigException(
                    "SSE_TOKEN is required (or set SSE_AUTH=none to serve without a token)");
        }
        return new SseConfig(
                host, port(value(env, SseConfigKey.SSE_PORT)), auth, auth ? sha256Hex(token) : "");
    }

    /** A copy listening on {@code newPort}. */
    public SseConfig withPort(int newPort) {
        return new SseConfig(host, newPort, authEnabled, tokenSha256Hex);
    }

    private static String value(Map<String, String> env, SseConfigKey key) {
        String v = env.get(key.name());
        return v == null ? key.defaultValue() : v;
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

    private static int port(String raw) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new SseConfigException(
                "SSE_PORT must be an integer from 0 to 65535, got '" + raw + "'");
    }

    private static String sha256Hex(String token) {
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
        return "SseConfig[host="
                + host
                + ", port="
                + port
                + ", auth="
                + (authEnabled ? "token(****)" : "none")
                + "]";
    }
}
