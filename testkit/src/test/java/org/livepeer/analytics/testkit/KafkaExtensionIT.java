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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    void oneBrokerPerClassServesProducersAndConsumers(EmbeddedKafkaBroker broker) throws Exception {
        assertSame(fromConstructor, broker);
        broker.createTopic("testkit-topic", 2, Map.of());
        Map<String, Object> producerConfig =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("testkit-topic", "k" + i, "v" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(5, consume(broker, "testkit-topic", 5).size());
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
