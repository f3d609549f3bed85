package org.livepeer.analytics.launcher;

import java.util.Map;
import org.livepeer.analytics.config.ConfigReader;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The three topics of docs/kafka.md under the names the shared Kafka keys give them; {@link
 * #createAll} creates those that are absent, with the partitions and retention the embedded default
 * uses.
 */
public record Topics(String events, String dlq, String liveMetrics) {

    private static final String SEVEN_DAYS_MS = Long.toString(7L * 24 * 3600 * 1000);
    private static final String ONE_HOUR_MS = Long.toString(3600L * 1000);
    // An accepted event may be as large as the gateway's 1 MiB body limit (Kafka's default is ~1
    // MB).
    private static final String MAX_MESSAGE_BYTES = Integer.toString(2 * 1024 * 1024);

    static Topics fromEnv(ConfigReader r) {
        return new Topics(
                KafkaKey.EVENTS_TOPIC.read(r),
                KafkaKey.DLQ_TOPIC.read(r),
                KafkaKey.LIVE_METRICS_TOPIC.read(r));
    }

    void createAll(EmbeddedKafkaBroker broker) {
        broker.createTopic(
                events,
                3,
                Map.of("retention.ms", SEVEN_DAYS_MS, "max.message.bytes", MAX_MESSAGE_BYTES));
        broker.createTopic(
                dlq,
                3,
                Map.of("retention.ms", SEVEN_DAYS_MS, "max.message.bytes", MAX_MESSAGE_BYTES));
        broker.createTopic(liveMetrics, 1, Map.of("retention.ms", ONE_HOUR_MS));
    }
}
