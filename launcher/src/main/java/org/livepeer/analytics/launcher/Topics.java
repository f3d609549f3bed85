package org.livepeer.analytics.launcher;

import java.util.Map;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.wire.WireTopics;

/**
 * The topics of docs/configuration.md, created if absent, names overridable like the services' own.
 */
final class Topics {

    private static final String SEVEN_DAYS_MS = Long.toString(7L * 24 * 3600 * 1000);
    private static final String ONE_HOUR_MS = Long.toString(3600L * 1000);
    // An accepted event may be as large as the gateway's 1 MiB body limit (Kafka's default is ~1
    // MB).
    private static final String MAX_MESSAGE_BYTES = Integer.toString(2 * 1024 * 1024);

    private Topics() {}

    static void createAll(EmbeddedKafkaBroker broker, Map<String, String> env) {
        broker.createTopic(
                env.getOrDefault("EVENTS_TOPIC", WireTopics.EVENTS),
                3,
                Map.of("retention.ms", SEVEN_DAYS_MS, "max.message.bytes", MAX_MESSAGE_BYTES));
        broker.createTopic(
                env.getOrDefault("DLQ_TOPIC", WireTopics.DLQ),
                3,
                Map.of("retention.ms", SEVEN_DAYS_MS, "max.message.bytes", MAX_MESSAGE_BYTES));
        broker.createTopic(
                env.getOrDefault("LIVE_METRICS_TOPIC", "live-metrics"),
                1,
                Map.of("retention.ms", ONE_HOUR_MS));
    }
}
