package org.livepeer.analytics.processor.route;

import org.apache.flink.api.java.functions.KeySelector;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * Keys records by event id for deduplication. A record without a readable id gets a key unique to
 * its Kafka position instead (spreading such records over subtasks); {@link #isEventId} tells the
 * two apart so that no state is kept for them.
 */
public final class DedupKey implements KeySelector<KafkaEvent, String> {

    private static final long serialVersionUID = 1L;

    /** Cannot start an event id read from JSON text that passed the peek (a NUL first char). */
    private static final String NO_ID = "\u0000";

    @Override
    public String getKey(KafkaEvent event) {
        if (event.eventId != null) {
            return event.eventId;
        }
        return NO_ID + event.topic + "-" + event.partition + "@" + event.offset;
    }

    public static boolean isEventId(String key) {
        return !key.startsWith(NO_ID);
    }
}
