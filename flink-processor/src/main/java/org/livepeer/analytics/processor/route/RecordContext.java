package org.livepeer.analytics.processor.route;

import java.nio.charset.StandardCharsets;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * The facts about one Kafka record that every row derived from it repeats.
 *
 * @param kafkaTsMs the Kafka record timestamp (ms), 0 when unknown
 * @param receivedTsMs the gateway's receive time (ms), 0 for direct producers
 */
record RecordContext(
        String topic,
        int partition,
        long offset,
        String source,
        long processedTsMs,
        String text,
        long kafkaTsMs,
        long receivedTsMs) {

    /** A record whose Kafka timestamp and receive time are unknown (both 0). */
    RecordContext(
            String topic,
            int partition,
            long offset,
            String source,
            long processedTsMs,
            String text) {
        this(topic, partition, offset, source, processedTsMs, text, 0L, 0L);
    }

    static RecordContext of(KafkaEvent event, long processedTsMs) {
        String source =
                event.sourceHeader == null || event.sourceHeader.isEmpty()
                        ? ArchiveRows.DIRECT_SOURCE
                        : event.sourceHeader;
        // Invalid UTF-8 is replaced here; the DLQ row says invalid_encoding for such records.
        return new RecordContext(
                event.topic,
                event.partition,
                event.offset,
                source,
                processedTsMs,
                new String(event.value, StandardCharsets.UTF_8),
                event.kafkaTsMs,
                event.receivedAtMs);
    }
}
