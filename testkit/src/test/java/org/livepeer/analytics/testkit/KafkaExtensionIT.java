package org.livepeer.analytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;

@WithKafka
class KafkaExtensionIT {
    private final EmbeddedKafkaBroker fromConstructor;

    KafkaExtensionIT(EmbeddedKafkaBroker broker) {
        this.fromConstructor = broker;
    }

    @Test
    void oneBrokerPerClassServesProducersAndConsumers(EmbeddedKafkaBroker broker) {
        assertSame(fromConstructor, broker);
        broker.createTopic("testkit-topic", 2, Map.of());
        try (TestProducer producer = TestProducer.connect(broker)) {
            for (int i = 0; i < 5; i++) {
                producer.send("testkit-topic", "k" + i, "v" + i);
            }
        }
        TestProducer.produce(broker, "testkit-topic", List.of("v5", "v6"));
        assertEquals(
                List.of("v0", "v1", "v2", "v3", "v4", "v5", "v6"),
                consume(broker, "testkit-topic", 7).stream().sorted().toList());
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheOuterBroker(EmbeddedKafkaBroker broker) {
            assertSame(fromConstructor, broker);
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
        }
    }

    private static List<String> consume(EmbeddedKafkaBroker broker, String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "testkit",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
