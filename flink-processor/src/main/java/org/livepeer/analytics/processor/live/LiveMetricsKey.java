package org.livepeer.analytics.processor.live;

import org.livepeer.analytics.config.ConfigKeyDef;
import org.livepeer.analytics.config.KeySpec;

/**
 * Environment variables of the live-metrics part of the processor, with defaults; the topic is the
 * shared {@code LIVE_METRICS_TOPIC} ({@code KafkaKey}). The table in docs/configuration.md, "Live
 * metrics", is checked against it.
 */
public enum LiveMetricsKey implements ConfigKeyDef {
    LIVE_METRICS_ENABLED("true", "Compute live windows and write them to the live-metrics topic."),
    LIVE_METRICS_WINDOW_MS("5000", "Tumbling window length in milliseconds (1000..3600000)."),
    LIVE_METRICS_OUT_OF_ORDERNESS_MS(
            "2000",
            "How far behind the wall clock the watermark runs: a window closes this long after its"
                    + " end (0..60000)."),
    LIVE_METRICS_ALLOWED_LATENESS_MS(
            "10000",
            "Events later than the watermark by up to this much re-emit their window with a higher"
                    + " revision; later ones are counted and left out (0..600000).");

    LiveMetricsKey(String defaultValue, String doc) {
        KeySpec.declare(this, defaultValue, doc);
    }
}
