package org.livepeer.analytics.bench.pipeline;

import java.util.Map;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.wire.WireTopics;

/**
 * The topics {@code ./analytics up} creates, with its partitions and settings (the launcher's
 * {@code Topics}): the events and the gateway's dead letters (3 partitions, 7 days, records up to 2
 * MiB) and the live metrics (1 partition, 1 hour), for the benches that run the components without
 * the launcher.
 */
public final class PipelineTopics {

    public static final String EVENTS = WireTopics.EVENTS;

    private static final String SEVEN_DAYS_MS = Long.toString(7L * 24 * 3600 * 1000);
    private static final String ONE_HOUR_MS = Long.toString(3600L * 1000);
    private static final String MAX_MESSAGE_BYTES = Integer.toString(2 * 1024 * 1024);

    private PipelineTopics() {}

    public static void createAll(EmbeddedKafkaBroker broker) {
        Map<String, String> events =
                Map.of("retention.ms", SEVEN_DAYS_MS, "max.message.bytes", MAX_MESSAGE_BYTES);
        broker.createTopic(EVENTS, 3, events);
        broker.createTopic(WireTopics.DLQ, 3, events);
        broker.createTopic(WireTopics.LIVE_METRICS, 1, Map.of("retention.ms", ONE_HOUR_MS));
    }
}
