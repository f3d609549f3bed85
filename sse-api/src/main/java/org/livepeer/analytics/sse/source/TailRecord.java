package org.livepeer.analytics.sse.source;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One Kafka record as the fan-out sees it.
 *
 * @param token the resume token of the stream position just after this record
 * @param timestampMs the Kafka record timestamp
 */
public record TailRecord(int partition, long offset, long timestampMs, String value, String token) {

    /**
     * The record read at {@code position} (offsets by partition, this record's already set): its
     * token resumes after it. A null value (a tombstone) is the empty string.
     */
    static TailRecord of(ConsumerRecord<String, String> r, long[] position) {
        return new TailRecord(
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.value() == null ? "" : r.value(),
                ResumeToken.format(position));
    }
}
