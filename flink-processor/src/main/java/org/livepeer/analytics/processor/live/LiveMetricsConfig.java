package org.livepeer.analytics.processor.live;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the live windows, validated when built.
 *
 * @param windowMs tumbling window length
 * @param outOfOrdernessMs lag of the watermark behind the wall clock
 * @param allowedLatenessMs how long a closed window still accepts late events (re-emitted)
 */
public record LiveMetricsConfig(
        boolean enabled, String topic, long windowMs, long outOfOrdernessMs, long allowedLatenessMs)
        implements Serializable {

    public LiveMetricsConfig {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("LIVE_METRICS_TOPIC must not be empty");
        }
        check("LIVE_METRICS_WINDOW_MS", windowMs, 1_000, 3_600_000);
        check("LIVE_METRICS_OUT_OF_ORDERNESS_MS", outOfOrdernessMs, 0, 60_000);
        check("LIVE_METRICS_ALLOWED_LATENESS_MS", allowedLatenessMs, 0, 600_000);
    }

    /** The defaults of {@link LiveMetricsKey}. */
    public static LiveMetricsConfig defaults() {
        return fromEnv(Map.of());
    }

    /**
     * Reads the {@link LiveMetricsKey} variables from {@code env}.
     *
     * @throws IllegalArgumentException naming the bad key and what it accepts
     */
    public static LiveMetricsConfig fromEnv(Map<String, String> env) {
        return new LiveMetricsConfig(
                bool(env, LiveMetricsKey.LIVE_METRICS_ENABLED),
                value(env, LiveMetricsKey.LIVE_METRICS_TOPIC).trim(),
                number(env, LiveMetricsKey.LIVE_METRICS_WINDOW_MS),
                number(env, LiveMetricsKey.LIVE_METRICS_OUT_OF_ORDERNESS_MS),
                number(env, LiveMetricsKey.LIVE_METRICS_ALLOWED_LATENESS_MS));
    }

    private static String value(Map<String, String> env, LiveMetricsKey key) {
        String v = env.get(key.name());
        return v == null ? key.defaultValue() : v;
    }

    private static boolean bool(Map<String, String> env, LiveMetricsKey key) {
        String raw = value(env, key).trim().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            key.name() + " must be 'true' or 'false', got '" + raw + "'");
        };
    }

    private static long number(Map<String, String> env, LiveMetricsKey key) {
        String raw = value(env, key);
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key.name() + " must be an integer (milliseconds), got '" + raw + "'", e);
        }
    }

    private static void check(String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    key + " must be from " + min + " to " + max + ", got " + v);
        }
    }
}
