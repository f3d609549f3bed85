package org.livepeer.analytics.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.RunningGateway;

/** The producer settings the gateway builds: adaptive batching by default, overrides win. */
class ProducerSettingsTest {

    private static Map<String, String> settings(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("KAFKA_DELIVERY_TIMEOUT_MS", "4000");
        Map<String, String> props = KafkaEventPublisher.producerConfig(RunningGateway.config(all));
        // Kafka's own validation (e.g. idempotence needs at most 5 requests in flight).
        Map<String, Object> checked = new HashMap<>(props);
        checked.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        checked.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        new ProducerConfig(checked);
        return props;
    }

    @Test
    void byDefaultNothingWaitsAndBatchesCollectBehindTheOneRequestOut() {
        Map<String, String> props = settings(Map.of());

        assertEquals("0", props.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("1", props.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        assertEquals("262144", props.get(ProducerConfig.BATCH_SIZE_CONFIG));
        assertEquals("all", props.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", props.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        // Nothing lingers, so the whole delivery timeout is the request's.
        assertEquals("4000", props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals("4000", props.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
    }

    @Test
    void explicitBatchingSettingsWin() {
        Map<String, String> props =
                settings(
                        Map.of(
                                "KAFKA_PRODUCER_LINGER_MS", "5",
                                "KAFKA_PRODUCER_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION", "5",
                                "KAFKA_PRODUCER_BATCH_SIZE", "16384"));

        assertEquals("5", props.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("5", props.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        assertEquals("16384", props.get(ProducerConfig.BATCH_SIZE_CONFIG));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        assertEquals("4000", props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals("3995", props.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
    }
}
