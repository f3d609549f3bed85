package org.livepeer.analytics.gateway.publish;

import java.util.Objects;

/**
 * One accepted event on its way to Kafka.
 *
 * @param key the record key (the stream id when there is one, else the event id)
 * @param value the event's exact bytes as received
 */
public record OutgoingEvent(String key, byte[] value) {

    public OutgoingEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
