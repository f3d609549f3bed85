package org.livepeer.analytics.processor.route;

import org.apache.flink.api.java.functions.KeySelector;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * Keys records as the ingest gateway keys them in Kafka: by {@code data.stream_id} when the event
 * has one, else by event id. All events of a stream then reach one subtask in their Kafka order
 * (the live windows' per-stream state needs that order), and all copies of an event id still meet
 * in one subtask, since a retried copy carries the same body and so the same key. A record with
 * neither gets a key unique to its Kafka position, spreading such records over subtasks; it is a
 * dead letter (a valid envelope has an id), so no state is kept under that key.
 */
public final class DedupKey implements KeySelector<KafkaEvent, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(KafkaEvent event) {
        if (event.streamId != null) {
            return event.streamId;
        }
        if (event.eventId != null) {
            return event.eventId;
        }
        return event.topic + "-" + event.partition + "@" + event.offset;
    }
}
