package org.livepeer.analytics.gateway.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EventPublisher} over the Vert.x Kafka producer ({@code acks=all}, idempotent). Sends run
 * on the producer's worker and complete on the caller's context; a request's future fails as soon
 * as one send fails or when the delivery timeout passes, so the client gets 503, never a false 202.
 */
public final class KafkaEventPublisher implements EventPublisher {

    /** Header carrying the receive time in ms since the epoch, as decimal text. */
    public static final String RECEIVED_AT_HEADER = "received_at";

    /** Header carrying the name of the API key that sent the event. */
    public static final String SOURCE_HEADER = "source";

    /** Longest wait of a readiness probe, so /ready notices an outage quickly. */
    private static final long PROBE_TIMEOUT_MS = 2000;

    /** Bytes allowed in flight before new requests are refused with 503 instead of queued. */
    static final int WRITE_QUEUE_MAX_BYTES = 64 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private static final int LINGER_MS = 5;

    /** Room for the record's key, headers and batch overhead on top of the largest body. */
    private static final long RECORD_OVERHEAD_BYTES = 64 * 1024;

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaAdminClient admin;
    private final String topic;
    private final String dlqTopic;
    private final long timeoutMs;

    private KafkaEventPublisher(
            KafkaProducer<String, byte[]> producer, KafkaAdminClient admin, GatewayConfig config) {
        this.producer = producer;
        this.admin = admin;
        this.topic = config.eventsTopic();
        this.dlqTopic = config.dlqTopic();
        this.timeoutMs = config.deliveryTimeoutMs();
        producer.setWriteQueueMaxSize(WRITE_QUEUE_MAX_BYTES);
        // Each failure also fails its send's future, which is where it is handled; without this
        // handler Vert.x logs every one as an unhandled error.
        producer.exceptionHandler(err -> LOG.debug("Kafka send failed: {}", err.toString()));
    }

    /**
     * Builds the clients off the event loop (the Kafka constructors resolve addresses) and binds
     * them to the calling context.
     */
    public static Future<EventPublisher> create(Vertx vertx, GatewayConfig config) {
        return vertx.executeBlocking(
                () ->
                        new KafkaEventPublisher(
                                KafkaProducer.create(
                                        vertx,
                                        producerConfig(config),
                                        new StringSerializer(),
                                        new ByteArraySerializer()),
                                KafkaAdminClient.create(vertx, adminConfig(config)),
                                config));
    }

    static Map<String, String> producerConfig(GatewayConfig config) {
        long timeout = config.deliveryTimeoutMs();
        Map<String, String> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-gateway");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        props.put(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Long.toString(config.maxBodyBytes() + RECORD_OVERHEAD_BYTES));
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
        if (producer.writeQueueFull()) {
            return Future.failedFuture(
                    new PublishException(
                            PublishException.Reason.OVERLOADED,
                            "too many events waiting for Kafka; retry later",
                            null));
        }
        Buffer receivedAt = utf8(Long.toString(origin.receivedAtMs()));
        Buffer source = utf8(origin.source());
        List<Future<?>> sends = new ArrayList<>(events.size());
        for (OutgoingEvent e : events) {
            sends.add(
                    producer.send(
                            KafkaProducerRecord.<String, byte[]>create(topic, e.key(), e.value())
                                    .addHeader(RECEIVED_AT_HEADER, receivedAt)
                                    .addHeader(SOURCE_HEADER, source)));
        }
        return acknowledged(sends, "events");
    }

    @Override
    public Future<Void> publishDeadLetters(List<DeadLetter> letters, EventOrigin origin) {
        if (producer.writeQueueFull()) {
            return Future.failedFuture(
                    new PublishException(
                            PublishException.Reason.OVERLOADED,
                            "too many events waiting for Kafka; DLQ records dropped",
                            null));
        }
        Buffer receivedAt = utf8(Long.toString(origin.receivedAtMs()));
        Buffer source = utf8(origin.source());
        List<Future<?>> sends = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            KafkaProducerRecord<String, byte[]> record =
                    KafkaProducerRecord.<String, byte[]>create(
                                    dlqTopic, letter.eventId(), letter.value())
                            .addHeader(DlqHeaders.ERROR_TYPE, utf8(letter.errorType()))
                            .addHeader(DlqHeaders.ERROR_MESSAGE, utf8(letter.errorMessage()))
                            .addHeader(SOURCE_HEADER, source)
                            .addHeader(RECEIVED_AT_HEADER, receivedAt);
            DlqHeaders.addOptional(record, letter);
            sends.add(producer.send(record));
        }
        return acknowledged(sends, "DLQ records");
    }

    private Future<Void> acknowledged(List<Future<?>> sends, String what) {
        return Future.all(sends)
                .<Void>mapEmpty()
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
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

    static Buffer utf8(String text) {
        return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Future<Void> probe() {
        return admin.describeCluster()
                .timeout(Math.min(timeoutMs, PROBE_TIMEOUT_MS), TimeUnit.MILLISECONDS)
                .<Void>mapEmpty();
    }

    @Override
    public Future<Void> close() {
        // Bounded: an unreachable broker must not hang shutdown.
        return Future.join(producer.close(timeoutMs), admin.close(timeoutMs)).mapEmpty();
    }
}
