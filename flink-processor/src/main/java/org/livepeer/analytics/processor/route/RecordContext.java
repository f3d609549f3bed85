package org.livepeer.analytics.processor.route;

import java.nio.charset.StandardCharsets;
import org.livepeer.analytics.processor.source.KafkaEvent;

/** The facts about one Kafka record that every row derived from it repeats. */
record RecordContext(
        String topic, int partition, long offset, String source, long processedTsMs, String text) {

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
                new String(event.value, StandardCharsets.UTF_8));
    }
}
