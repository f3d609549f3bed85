package org.livepeer.analytics.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The one way tests write records to a topic: {@code acks=all}, UTF-8 strings or raw bytes, and a
 * blocking {@link #send} that returns once the broker has the record (30 s at most), so a test can
 * assert on what follows. {@link #sendAsync} plus {@link #flush()} is for bursts.
 *
 * <pre>{@code
 * TestProducer.produce(broker, "events", List.of(a, b, c));      // one-off
 * try (TestProducer producer = TestProducer.connect(broker)) {  // many sends
 *     producer.send("events", "stream-1", json);
 * }
 * }</pre>
 */
public final class TestProducer implements AutoCloseable {
    private static final long ACK_SECONDS = 30;

    private final KafkaProducer<byte[], byte[]> producer;

    private TestProducer(Map<String, Object> config) {
        this.producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A producer to {@code broker} with {@code acks=all}. */
    public static TestProducer connect(EmbeddedKafkaBroker broker) {
        return connect(broker.bootstrapServers(), Map.of());
    }

    /** A producer to {@code bootstrapServers}; {@code overrides} win over {@code acks=all}. */
    public static TestProducer connect(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putAll(overrides);
        return new TestProducer(config);
    }

    /** Writes {@code values} (no key) to {@code topic} in order and waits for every ack. */
    public static void produce(EmbeddedKafkaBroker broker, String topic, List<String> values) {
        try (TestProducer producer = connect(broker)) {
            producer.sendAll(topic, values);
        }
    }

    /** Sends an unkeyed value and waits for its ack. */
    public RecordMetadata send(String topic, String value) {
        return send(new ProducerRecord<>(topic, utf8(value)));
    }

    /** Sends a keyed value ({@code key} may be null) and waits for its ack. */
    public RecordMetadata send(String topic, String key, String value) {
        return send(new ProducerRecord<>(topic, utf8(key), utf8(value)));
    }

    /** Sends raw bytes (e.g. invalid UTF-8) unkeyed and waits for its ack. */
    public RecordMetadata send(String topic, byte[] value) {
        return send(new ProducerRecord<>(topic, value));
    }

    /** Sends a record as built (partition, headers...) and waits for its ack. */
    public RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record).get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("send to " + record.topic() + " failed", e);
        }
    }

    /** Sends without waiting; {@link #flush()} then waits for everything sent. */
    public Future<RecordMetadata> sendAsync(ProducerRecord<byte[], byte[]> record) {
        return producer.send(record);
    }

    /** Sends unkeyed values without waiting for each, then waits for all of them. */
    public List<RecordMetadata> sendAll(String topic, List<String> values) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (String value : values) {
            acks.add(sendAsync(new ProducerRecord<>(topic, utf8(value))));
        }
        flush();
        List<RecordMetadata> out = new ArrayList<>();
        for (Future<RecordMetadata> ack : acks) {
            try {
                out.add(ack.get(ACK_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending to " + topic, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("send to " + topic + " failed", e);
            }
        }
        return out;
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** The bytes of {@code text} in UTF-8, or null for null (a record without key). */
    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
