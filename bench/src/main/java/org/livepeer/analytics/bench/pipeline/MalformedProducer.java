package org.livepeer.analytics.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A direct Kafka producer (no gateway headers, so the processor sees {@code source = kafka}) that
 * writes {@link Malformed} records at a fixed rate, ids {@code <prefix><n>}, and counts those the
 * broker acknowledged.
 */
final class MalformedProducer {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String idPrefix;
    private final double perSecond;
    private final AtomicLong acked = new AtomicLong();
    private volatile boolean stopping;
    private Thread thread;

    MalformedProducer(String bootstrap, String topic, String idPrefix, double perSecond) {
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                ProducerConfig.ACKS_CONFIG, "all",
                                ProducerConfig.LINGER_MS_CONFIG, "5",
                                ProducerConfig.CLIENT_ID_CONFIG, "bench-malformed"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        this.topic = topic;
        this.idPrefix = idPrefix;
        this.perSecond = perSecond;
    }

    void start() {
        thread = new Thread(this::produce, "malformed-producer");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        double periodNanos = 1e9 / perSecond;
        long start = System.nanoTime();
        for (long n = 0; !stopping; n++) {
            long due = start + Math.round(n * periodNanos);
            for (long now = System.nanoTime(); now < due && !stopping; now = System.nanoTime()) {
                LockSupport.parkNanos(Math.min(TimeUnit.MILLISECONDS.toNanos(1), due - now));
            }
            if (stopping) {
                return;
            }
            byte[] value =
                    Malformed.record(idPrefix, n, System.currentTimeMillis())
                            .getBytes(StandardCharsets.UTF_8);
            producer.send(
                    new ProducerRecord<>(topic, value),
                    (meta, e) -> {
                        if (e == null) {
                            acked.incrementAndGet();
                        }
                    });
        }
    }

    /** Stops writing, waits for the broker's answers, and returns how many it acknowledged. */
    long stopAndCount() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        producer.flush();
        producer.close(Duration.ofSeconds(30));
        return acked.get();
    }
}
