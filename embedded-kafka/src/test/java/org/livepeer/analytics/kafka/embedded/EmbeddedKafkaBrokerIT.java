package org.livepeer.analytics.kafka.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {
    private static final String TOPIC = "it-events";

    @TempDir Path dataDir;

    @Test
    void recordsSurviveARestartOnTheSameDirectory() throws Exception {
        RecordMetadata written;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
            broker.createTopic(TOPIC, 3, Map.of("retention.ms", "604800000"));
            broker.createTopic(TOPIC, 3, Map.of()); // existing topic: no error
            assertTrue(broker.topics().contains(TOPIC));
            written = produce(broker, "stream-1", "{\"id\":\"e1\"}");
            List<ConsumerRecord<String, String>> read = consumeAll(broker, 1);
            assertEquals(1, read.size());
            assertEquals("{\"id\":\"e1\"}", read.get(0).value());
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertTrue(again.topics().contains(TOPIC));
            List<ConsumerRecord<String, String>> read = consumeAll(again, 1);
            assertEquals(1, read.size());
            ConsumerRecord<String, String> record = read.get(0);
            assertEquals("stream-1", record.key());
            assertEquals("{\"id\":\"e1\"}", record.value());
            assertEquals(written.partition(), record.partition());
            assertEquals(written.offset(), record.offset());
        }
    }

    private static RecordMetadata produce(EmbeddedKafkaBroker broker, String key, String value)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(
            EmbeddedKafkaBroker broker, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            // One more poll proves nothing beyond the expected records is there.
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
