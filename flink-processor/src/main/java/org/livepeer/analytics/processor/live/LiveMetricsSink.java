package org.livepeer.analytics.processor.live;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The Kafka sink of the live messages. At least once: the writer flushes its producer before each
 * checkpoint barrier; a repeated message is harmless, consumers keep the highest revision per
 * window.
 *
 * <p>Only the connector's writer runs. A {@link KafkaSink} always adds a committer operator, which
 * has nothing to commit at least once, and Flink 2.2's committer registers its {@code
 * pendingCommittables} gauge again on every snapshot: a "Name collision" warning per checkpoint
 * (docs/processor.md, "Logs").
 */
public final class LiveMetricsSink implements Sink<String> {

    private static final long serialVersionUID = 1L;

    private final KafkaSink<String> kafka;

    private LiveMetricsSink(KafkaSink<String> kafka) {
        this.kafka = kafka;
    }

    /**
     * @param passThrough producer properties from {@code KAFKA_PRODUCER_*} (docs/configuration.md)
     */
    public static LiveMetricsSink create(
            String bootstrapServers, Map<String, String> passThrough, String topic) {
        return new LiveMetricsSink(
                KafkaSink.<String>builder()
                        .setKafkaProducerConfig(producerProperties(passThrough))
                        .setBootstrapServers(bootstrapServers)
                        .setRecordSerializer(
                                KafkaRecordSerializationSchema.<String>builder()
                                        .setTopic(topic)
                                        .setValueSerializationSchema(new SimpleStringSchema())
                                        .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build());
    }

    /** A short linger (the windows come in bursts), unless the pass-through sets another. */
    static Properties producerProperties(Map<String, String> passThrough) {
        Properties p = new Properties();
        p.setProperty("linger.ms", "20");
        p.putAll(passThrough);
        return p;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
        return kafka.createWriter(context);
    }
}
