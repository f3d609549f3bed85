package org.livepeer.analytics.sse.source;

/**
 * One Kafka record as the fan-out sees it.
 *
 * @param token the resume token of the stream position just after this record
 * @param timestampMs the Kafka record timestamp
 */
public record TailRecord(
        int partition, long offset, long timestampMs, String value, String token) {}
