package org.livepeer.analytics.processor.source;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.livepeer.analytics.processor.config.ProcessorConfig;

/** Builds the Kafka source of the events topic. */
public final class EventSource {

    private EventSource() {}

    public static KafkaSource<KafkaEvent> create(ProcessorConfig config) {
        return KafkaSource.<KafkaEvent>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopics(config.eventsTopic())
                .setGroupId(config.groupId())
                .setStartingOffsets(startingOffsets(config.startingOffsets()))
                .setDeserializer(new KafkaEventDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }

    // The connector's API still takes Kafka's deprecated OffsetResetStrategy.
    @SuppressWarnings("deprecation")
    static OffsetsInitializer startingOffsets(ProcessorConfig.StartingOffsets mode) {
        return switch (mode) {
            case COMMITTED_OR_EARLIEST ->
                    OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case COMMITTED_OR_LATEST ->
                    OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}
