package org.livepeer.analytics.processor.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record of the events topic as read: the value's exact bytes plus where it came from, and the
 * envelope id, timestamp and stream id when a cheap look ({@link EnvelopePeek}) could read them. A
 * Flink POJO (public fields, no-arg constructor) so it needs no Kryo.
 */
public final class KafkaEvent {

    /** The record value exactly as produced; may be empty but never null. */
    public byte[] value = new byte[0];

    public String topic = "";
    public int partition;
    public long offset;

    /**
     * The `source` header set by the ingest gateway (its key's name); null for direct producers.
     */
    public String sourceHeader;

    /**
     * The Kafka record timestamp in ms ({@code CreateTime}: the producer's clock; {@code
     * LogAppendTime}: the broker's, if the topic is set so); 0 when the record has none.
     */
    public long kafkaTsMs;

    /**
     * The ingest gateway's receive time in ms, from the {@code received_at} header (gateway clock);
     * 0 when the header is absent (direct producers) or not decimal milliseconds.
     */
    public long receivedAtMs;

    /** The envelope's {@code id} if readable, else null. */
    public String eventId;

    /**
     * {@code data.stream_id} if readable and non-empty, else null; with {@link #eventId} it gives
     * the key the processor partitions by (the ingest gateway's Kafka key rule).
     */
    public String streamId;

    /** The envelope's valid timestamp in ms, else 0: the event time for watermarks. */
    public long eventTsMs;

    public KafkaEvent() {}

    /** A record without a Kafka timestamp or receive time (both 0). */
    public KafkaEvent(byte[] value, String topic, int partition, long offset, String sourceHeader) {
        this(value, topic, partition, offset, sourceHeader, 0L, 0L);
    }

    public KafkaEvent(
            byte[] value,
            String topic,
            int partition,
            long offset,
            String sourceHeader,
            long kafkaTsMs,
            long receivedAtMs) {
        this.value = value == null ? new byte[0] : value;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.sourceHeader = sourceHeader;
        this.kafkaTsMs = kafkaTsMs;
        this.receivedAtMs = receivedAtMs;
        EnvelopePeek peek = EnvelopePeek.of(this.value);
        this.eventId = peek.id();
        this.eventTsMs = peek.timestampMs();
        this.streamId = peek.streamId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaEvent other
                && partition == other.partition
                && offset == other.offset
                && kafkaTsMs == other.kafkaTsMs
                && receivedAtMs == other.receivedAtMs
                && Objects.equals(topic, other.topic)
                && Arrays.equals(value, other.value)
                && Objects.equals(sourceHeader, other.sourceHeader);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
