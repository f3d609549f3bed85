package org.livepeer.analytics.gateway.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.wire.WireHeaders;

/**
 * {@link EventPublisher} over the Kafka producer ({@code acks=all}, idempotent). A request's
 * records are handed to one sender thread in a single hop ({@code KafkaProducer.send} may block on
 * metadata or buffer space, so it never runs on the event loop) and the request completes on its
 * own context once Kafka acknowledged all of them ({@link RequestAcks}); it fails as soon as one
 * send fails or when the delivery timeout passes, so the client gets 503, never a false 202. One
 * sender thread keeps the records of a stream in the order the requests arrived.
 *
 * <p>Batching follows the load ({@link #LINGER_MS}): with few requests in flight a record leaves at
 * once, with many they share produce requests. {@code KAFKA_PRODUCER_*} settings of {@code
 * linger.ms}, {@code max.in.flight.requests.per.connection} or {@code batch.size} replace these.
 */
public final class KafkaEventPublisher implements EventPublisher {

    /** Longest wait of a readiness probe, so /ready notices an outage quickly. */
    private static final long PROBE_TIMEOUT_MS = 2000;

    /** Bytes allowed in flight before new requests are refused with 503 instead of queued. */
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    /**
     * Batching that follows the load instead of a fixed wait: a record is sent at once when no
     * produce request is out to its broker ({@code linger.ms=0}), and while one is out ({@code
     * max.in.flight.requests.per.connection=1}) the records that arrive meanwhile collect and leave
     * together when it is answered, so the more requests are waiting, the larger the batches.
     */
    static final int LINGER_MS = 0;

    static final int MAX_IN_FLIGHT_PER_CONNECTION = 1;

    /**
     * Room for what collects behind one produce request per partition (the producer's 16 KiB
     * default holds ~50 events and would cap a partition at one such batch per round trip).
     */
    static final int BATCH_SIZE = 256 * 1024;

    private static final int BATCH_HEADROOM_PARTITIONS = 64;

    /** Room for the record's key, headers and batch overhead on top of the largest body. */
    private static final long RECORD_OVERHEAD_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaAdminClient admin;
    private final ExecutorService sender;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final String topic;
    private final String dlqTopic;
    private final long timeoutMs;

    private KafkaEventPublisher(
            Vertx vertx,
            KafkaProducer<String, byte[]> producer,
            KafkaAdminClient admin,
            GatewayConfig config) {
        this.vertx = vertx;
        this.producer = producer;
        this.admin = admin;
        this.topic = config.eventsTopic();
        this.dlqTopic = config.dlqTopic();
        this.timeoutMs = config.deliveryTimeoutMs();
        this.sender =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "gateway-kafka-sender");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Builds the clients off the event loop (the Kafka constructors resolve addresses) and binds
     * them to the calling context.
     */
    public static Future<EventPublisher> create(Vertx vertx, GatewayConfig config) {
        return vertx.executeBlocking(
                () ->
                        new KafkaEventPublisher(
                                vertx,
                                new KafkaProducer<>(
                                        Map.<String, Object>copyOf(producerConfig(config)),
                                        new StringSerializer(),
                                        new ByteArraySerializer()),
                                KafkaAdminClient.create(vertx, adminConfig(config)),
                                config));
    }

    static Map<String, String> producerConfig(GatewayConfig config) {
        long timeout = config.deliveryTimeoutMs();
        long maxRequest = config.maxBodyBytes() + RECORD_OVERHEAD_BYTES;
        Map<String, String> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-gateway");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        props.put(
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                Integer.toString(MAX_IN_FLIGHT_PER_CONNECTION));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_SIZE));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Long.toString(maxRequest));
        // Our own bound refuses new requests before the producer's buffer would block a send; a
        // batch takes batch.size of it however little it holds, hence room for two per partition
        // (one filling, one out) for up to BATCH_HEADROOM_PARTITIONS partitions.
        props.put(
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                Long.toString(
                        MAX_PENDING_BYTES
                                + maxRequest
                                + 2L * BATCH_SIZE * BATCH_HEADROOM_PARTITIONS));
        props.putAll(config.producerOverrides());
        // The delivery guarantee: set last so nothing overrides it.
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        long linger = lingerMs(props);
        long requestTimeout = Math.max(1, timeout - linger);
        props.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                Long.toString(Math.max(timeout, linger + requestTimeout)));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestTimeout));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
        return props;
    }

    private static long lingerMs(Map<String, String> props) {
        try {
            return Math.max(0, Long.parseLong(props.get(ProducerConfig.LINGER_MS_CONFIG).trim()));
        } catch (NumberFormatException e) {
            // The producer rejects the bad value itself, naming the property.
            return LINGER_MS;
        }
    }

    static Map<String, String> adminConfig(GatewayConfig config) {
        String timeout = Long.toString(config.deliveryTimeoutMs());
        Map<String, String> props = new HashMap<>();
        config.producerOverrides().forEach(props::put);
        props.keySet().retainAll(AdminClientConfig.configNames());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-gateway-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        // Re-bootstrapping while the broker is down logs a line per attempt (~100/s, measured);
        // plain reconnects with backoff are enough for a probe.
        props.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        return props;
    }

    @Override
    public Future<Void> publish(List<OutgoingEvent> events, EventOrigin origin) {
        byte[] receivedAt = utf8(Long.toString(origin.receivedAtMs()));
        byte[] source = utf8(origin.source());
        @SuppressWarnings("unchecked")
        ProducerRecord<String, byte[]>[] records = new ProducerRecord[events.size()];
        for (int i = 0; i < records.length; i++) {
            OutgoingEvent e = events.get(i);
            RecordHeaders headers = new RecordHeaders();
            headers.add(WireHeaders.RECEIVED_AT, receivedAt);
            headers.add(WireHeaders.SOURCE, source);
            records[i] = new ProducerRecord<>(topic, null, e.key(), e.value(), headers);
        }
        return send(records, "events");
    }

    @Override
    public Future<Void> publishDeadLetters(List<DeadLetter> letters, EventOrigin origin) {
        byte[] receivedAt = utf8(Long.toString(origin.receivedAtMs()));
        byte[] source = utf8(origin.source());
        @SuppressWarnings("unchecked")
        ProducerRecord<String, byte[]>[] records = new ProducerRecord[letters.size()];
        for (int i = 0; i < records.length; i++) {
            DeadLetter letter = letters.get(i);
            RecordHeaders headers = new RecordHeaders();
            headers.add(WireHeaders.ERROR_TYPE, utf8(letter.errorType()));
            headers.add(WireHeaders.ERROR_MESSAGE, utf8(letter.errorMessage()));
            headers.add(WireHeaders.SOURCE, source);
            headers.add(WireHeaders.RECEIVED_AT, receivedAt);
            addOptionalHeaders(headers, letter);
            records[i] =
                    new ProducerRecord<>(dlqTopic, null, letter.eventId(), letter.value(), headers);
        }
        return send(records, "DLQ records");
    }

    private static void addOptionalHeaders(Headers headers, DeadLetter letter) {
        if (letter.eventId() != null) {
            headers.add(WireHeaders.EVENT_ID, utf8(letter.eventId()));
        }
        if (letter.eventType() != null) {
            headers.add(WireHeaders.EVENT_TYPE, utf8(letter.eventType()));
        }
        if (letter.truncated()) {
            headers.add(WireHeaders.TRUNCATED, utf8("true"));
        }
    }

    /** Hands the records to the sender thread in one hop; completes on the caller's context. */
    private Future<Void> send(ProducerRecord<String, byte[]>[] records, String what) {
        long bytes = 0;
        for (ProducerRecord<String, byte[]> r : records) {
            bytes += r.value().length;
        }
        if (pendingBytes.get() > 0 && pendingBytes.get() + bytes > MAX_PENDING_BYTES) {
            return Future.failedFuture(
                    new PublishException(
                            PublishException.Reason.OVERLOADED,
                            "too many " + what + " waiting for Kafka; retry later",
                            null));
        }
        pendingBytes.addAndGet(bytes);
        RequestAcks acks = new RequestAcks(vertx.getOrCreateContext(), records.length, timeoutMs);
        try {
            sender.execute(() -> sendAll(records, acks));
        } catch (RejectedExecutionException e) {
            pendingBytes.addAndGet(-bytes);
            acks.onCompletion(null, new IllegalStateException("the gateway is stopping", e));
        }
        return acks.future()
                .recover(
                        err ->
                                Future.failedFuture(
                                        new PublishException(
                                                "Kafka did not acknowledge the "
                                                        + what
                                                        + ": "
                                                        + err.getMessage(),
                                                err)));
    }

    /** On the sender thread. */
    private void sendAll(ProducerRecord<String, byte[]>[] records, RequestAcks acks) {
        for (ProducerRecord<String, byte[]> r : records) {
            int size = r.value().length;
            Callback done =
                    (metadata, err) -> {
                        pendingBytes.addAndGet(-size);
                        acks.onCompletion(metadata, err);
                    };
            try {
                producer.send(r, done);
            } catch (RuntimeException e) {
                // Metadata not available in max.block.ms, record too large, producer closed.
                done.onCompletion(null, e);
            }
        }
    }

    /** A producer metric of the group {@code producer-metrics}, e.g. records-per-request-avg. */
    double producerMetric(String name) {
        for (Map.Entry<MetricName, ? extends Metric> m : producer.metrics().entrySet()) {
            if (m.getKey().group().equals("producer-metrics") && m.getKey().name().equals(name)) {
                return ((Number) m.getValue().metricValue()).doubleValue();
            }
        }
        throw new IllegalArgumentException("no producer metric " + name);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Future<Void> probe() {
        return admin.describeCluster()
                .timeout(Math.min(timeoutMs, PROBE_TIMEOUT_MS), TimeUnit.MILLISECONDS)
                .<Void>mapEmpty();
    }

    /**
     * Lets the sender thread hand over what it holds, then flushes and closes the producer
     * (bounded: an unreachable broker must not hang shutdown).
     */
    @Override
    public Future<Void> close() {
        Future<Void> producerClosed =
                vertx.executeBlocking(
                        () -> {
                            sender.shutdown();
                            sender.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
                            producer.close(Duration.ofMillis(timeoutMs));
                            return null;
                        });
        return Future.join(producerClosed, admin.close(timeoutMs)).mapEmpty();
    }
}
