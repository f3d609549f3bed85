package org.livepeer.analytics.processor.live;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.livepeer.analytics.config.ConfigReader;
import org.livepeer.analytics.config.KafkaKey;

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

    private static final long WINDOW_MIN = 1_000;
    private static final long WINDOW_MAX = 3_600_000;
    private static final long OUT_OF_ORDERNESS_MAX = 60_000;
    private static final long LATENESS_MAX = 600_000;

    public LiveMetricsConfig {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("LIVE_METRICS_TOPIC must not be empty");
        }
        check(LiveMetricsKey.LIVE_METRICS_WINDOW_MS, windowMs, WINDOW_MIN, WINDOW_MAX);
        check(
                LiveMetricsKey.LIVE_METRICS_OUT_OF_ORDERNESS_MS,
                outOfOrdernessMs,
                0,
                OUT_OF_ORDERNESS_MAX);
        check(LiveMetricsKey.LIVE_METRICS_ALLOWED_LATENESS_MS, allowedLatenessMs, 0, LATENESS_MAX);
    }

    /** The defaults of {@link LiveMetricsKey}. */
    public static LiveMetricsConfig defaults() {
        return fromEnv(Map.of());
    }

    /**
     * Reads the {@link LiveMetricsKey} variables and {@code LIVE_METRICS_TOPIC} from {@code env}.
     *
     * @throws IllegalArgumentException (a {@code ConfigException}) naming the bad key and what it
     *     accepts
     */
    public static LiveMetricsConfig fromEnv(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        return new LiveMetricsConfig(
                r.bool(LiveMetricsKey.LIVE_METRICS_ENABLED),
                KafkaKey.LIVE_METRICS_TOPIC.read(r),
                r.longValue(LiveMetricsKey.LIVE_METRICS_WINDOW_MS, WINDOW_MIN, WINDOW_MAX),
                r.longValue(
                        LiveMetricsKey.LIVE_METRICS_OUT_OF_ORDERNESS_MS, 0, OUT_OF_ORDERNESS_MAX),
                r.longValue(LiveMetricsKey.LIVE_METRICS_ALLOWED_LATENESS_MS, 0, LATENESS_MAX));
    }

    private static void check(LiveMetricsKey key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    key.envName() + " must be from " + min + " to " + max + ", got " + v);
        }
    }
}
