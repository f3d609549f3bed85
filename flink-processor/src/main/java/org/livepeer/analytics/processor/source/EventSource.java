package org.livepeer.analytics.processor.source;

import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.livepeer.analytics.processor.config.ProcessorConfig;

/** Builds the Kafka sources: the events topic and the gateway's DLQ topic. */
public final class EventSource {

    private EventSource() {}

    public static KafkaSource<KafkaEvent> create(ProcessorConfig config) {
        return KafkaSource.<KafkaEvent>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopics(config.eventsTopic())
                .setGroupId(config.groupId())
                .setStartingOffsets(startingOffsets(config.startingOffsets()))
                .setDeserializer(new KafkaEventDeserializer())
                .setProperties(consumerProperties(config))
                .build();
    }

    /**
     * The gateway's rejections. Subscribed by pattern so that a DLQ topic which does not exist yet
     * (no rejection so far) is picked up once created instead of failing the job.
     */
    public static KafkaSource<GatewayRejection> gatewayRejections(ProcessorConfig config) {
        return KafkaSource.<GatewayRejection>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopicPattern(Pattern.compile(Pattern.quote(config.dlqTopic())))
                .setGroupId(config.groupId())
                .setStartingOffsets(startingOffsets(config.startingOffsets()))
                .setDeserializer(new GatewayRejectionDeserializer())
                .setProperties(consumerProperties(config))
                .build();
    }

    /**
     * What both sources set besides servers, topics, group and offsets: the {@code
     * KAFKA_CONSUMER_*} pass-through, then the settings the job relies on (ProcessorConfig refuses
     * pass-through keys for those).
     */
    static Properties consumerProperties(ProcessorConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafkaConsumer());
        p.setProperty("commit.offsets.on.checkpoint", "true");
        p.setProperty(
                "partition.discovery.interval.ms",
                Long.toString(config.partitionDiscoveryIntervalMs()));
        return p;
    }

    // The connector's API still takes Kafka's deprecated OffsetResetStrategy.
    @SuppressWarnings("deprecation")
    public static OffsetsInitializer startingOffsets(ProcessorConfig.StartingOffsets mode) {
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
